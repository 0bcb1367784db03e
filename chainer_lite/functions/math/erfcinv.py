"""The inverse of the complementary error function."""
import math

from chainer_lite.functions.math import _elementwise


class ErfcInv(_elementwise.SpecialUnaryElementwise):

    _func_name = 'erfcinv'
    _retained = ('y',)

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        y, = self.get_retained_outputs()
        return -_HALF_SQRT_PI * exponential.exp(y ** 2) * grad_outputs[0],


def erfcinv(x):
    """Elementwise inverse of the complementary error function.

    The CPU forward needs SciPy (``scipy.special``); without it an
    :class:`ImportError` is raised.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.
    """
    return ErfcInv().apply((x,))[0]


_HALF_SQRT_PI = math.pi ** 0.5 / 2
