"""Rounding towards zero (not differentiable)."""
from chainer_lite.functions.math import _elementwise


def fix(x):
    """Elementwise rounding towards zero.

    The result has no gradient: it is a new variable outside the graph.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.fix(np.array([-1.5, 2.5])).array
        array([-1.,  2.])
    """
    return _elementwise.without_grad(x, 'fix')
