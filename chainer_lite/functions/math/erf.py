"""The error function."""
import math

from chainer_lite.functions.math import _elementwise


class Erf(_elementwise.SpecialUnaryElementwise):

    _func_name = 'erf'

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        x, = self.get_retained_inputs()
        return _TWO_OVER_SQRT_PI * exponential.exp(-x ** 2) * grad_outputs[0],


def erf(x):
    """Gauss error function of every element.

    :math:`\\mathrm{erf}(x) = \\frac{2}{\\sqrt{\\pi}} \\int_0^x e^{-t^2} dt`.

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
        >>> F.erf(np.array([0.0, 1.0])).array
        array([0.        , 0.84270079])
    """
    return Erf().apply((x,))[0]


_TWO_OVER_SQRT_PI = 2 / math.pi ** 0.5
