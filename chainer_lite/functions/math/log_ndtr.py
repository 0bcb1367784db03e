"""The logarithm of ``ndtr``, accurate in the far left tail."""
import math

from chainer_lite.functions.math import _elementwise


class LogNdtr(_elementwise.SpecialUnaryElementwise):

    _func_name = 'log_ndtr'

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import erfcx
        x, = self.get_retained_inputs()
        # d log(ndtr(x)) / dx = pdf(x) / ndtr(x), written with erfcx so that
        # it stays finite where ndtr underflows.
        return (2 / math.pi) ** 0.5 / erfcx.erfcx(-x / 2 ** 0.5) * \
            grad_outputs[0],


def log_ndtr(x):
    """Elementwise logarithm of the cumulative distribution of N(0, 1).

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return LogNdtr().apply((x,))[0]
