"""The complementary error function, ``1 - erf(x)``."""
import math

from chainer_lite.functions.math import _elementwise


class Erfc(_elementwise.SpecialUnaryElementwise):

    _func_name = 'erfc'

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        x, = self.get_retained_inputs()
        return -_TWO_OVER_SQRT_PI * exponential.exp(-x ** 2) * grad_outputs[0],


def erfc(x):
    """Elementwise complementary error function, :math:`1 - \\mathrm{erf}(x)`.

    Without SciPy the CPU forward falls back to slow elementwise Python
    and emits a :class:`~chainer.warnings.PerformanceWarning`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.erfc(np.array([0.0, 1.0])).array
        array([1.        , 0.15729921])
    """
    return Erfc().apply((x,))[0]


_TWO_OVER_SQRT_PI = 2 / math.pi ** 0.5
