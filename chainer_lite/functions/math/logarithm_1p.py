"""``log(1 + x)``, accurate for small ``x``."""
from chainer_lite.functions.math import _elementwise


class Log1p(_elementwise.UnaryElementwise):

    _func_name = 'log1p'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / (x + 1.0),


def log1p(x):
    """Elementwise natural logarithm of one plus the input.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.log1p(np.array([0.0, 1e-10])).array
        array([0.e+00, 1.e-10])
    """
    return Log1p().apply((x,))[0]
