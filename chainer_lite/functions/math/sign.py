"""Elementwise sign (not differentiable)."""
from chainer_lite.functions.math import _elementwise


def sign(x):
    """Elementwise sign function: -1, 0 or 1 by the sign of each element.

    The result has no gradient: it is a new variable outside the graph.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A numeric array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.sign(np.array([-2.0, 0.0, 3.0])).array
        array([-1.,  0.,  1.])
    """
    return _elementwise.without_grad(x, 'sign')
