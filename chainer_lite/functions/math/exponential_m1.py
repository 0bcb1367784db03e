"""``exp(x) - 1``, accurate for small ``x``."""
from chainer_lite.functions.math import _elementwise


class Expm1(_elementwise.UnaryElementwise):

    _func_name = 'expm1'
    _retained = ('y',)

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return (y + 1.0) * grad_outputs[0],


def expm1(x):
    """Elementwise exponential minus one, :math:`y_i = \\exp(x_i) - 1`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.expm1(np.array([0.0, 1e-10])).array
        array([0.e+00, 1.e-10])
    """
    return Expm1().apply((x,))[0]
