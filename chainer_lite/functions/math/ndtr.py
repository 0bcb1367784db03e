"""The cumulative distribution function of the standard normal distribution."""
import math

from chainer_lite.functions.math import _elementwise


class Ndtr(_elementwise.SpecialUnaryElementwise):

    _func_name = 'ndtr'

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        x, = self.get_retained_inputs()
        return (2 * math.pi) ** -0.5 * exponential.exp(-0.5 * x ** 2) * \
            grad_outputs[0],


def ndtr(x):
    """Elementwise cumulative distribution function of N(0, 1).

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
        >>> F.ndtr(np.array([0.0])).array
        array([0.5])
    """
    return Ndtr().apply((x,))[0]
