"""The logarithm of the absolute value of the gamma function."""
from chainer_lite.functions.math import _elementwise


class LGamma(_elementwise.SpecialUnaryElementwise):

    _func_name = 'lgamma'
    _special_name = 'gammaln'

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import digamma
        x, = self.get_retained_inputs()
        return digamma.digamma(x) * grad_outputs[0],


def lgamma(x):
    """Elementwise logarithm of the absolute value of the gamma function.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return LGamma().apply((x,))[0]
