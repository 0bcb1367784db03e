"""The inverse of ``ndtr`` (the standard normal quantile function)."""
import math

from chainer_lite.functions.math import _elementwise


class Ndtri(_elementwise.SpecialUnaryElementwise):

    _func_name = 'ndtri'
    _retained = ('y',)

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        y, = self.get_retained_outputs()
        return (2 * math.pi) ** 0.5 * exponential.exp(0.5 * y ** 2) * \
            grad_outputs[0],


def ndtri(x):
    """Elementwise inverse of :func:`~chainer.functions.ndtr`.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return Ndtri().apply((x,))[0]
