"""Hyperbolic sine and cosine."""
from chainer_lite.functions.math import _elementwise


class Cosh(_elementwise.UnaryElementwise):

    _func_name = 'cosh'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return sinh(x) * grad_outputs[0],


def cosh(x):
    """Elementwise hyperbolic cosine function, :math:`y_i = \\cosh x_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.cosh(np.array([0.0])).array
        array([1.])
    """
    return Cosh().apply((x,))[0]


class Sinh(_elementwise.UnaryElementwise):

    _func_name = 'sinh'

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return cosh(x) * grad_outputs[0],


def sinh(x):
    """Elementwise hyperbolic sine function, :math:`y_i = \\sinh x_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.sinh(np.array([0.0])).array
        array([0.])
    """
    return Sinh().apply((x,))[0]
