"""Flatten: view a variable as one dimension."""
from chainer_lite.functions.array import reshape


def flatten(x):
    """Flattens a given variable into one dimension.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Array of any
            shape.

    Returns:
        ~chainer.Variable: Variable of shape ``(x.size,)`` (a 0-dim input
        gives shape ``(1,)``).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.flatten(np.array([[1, 2], [3, 4]])).array
        array([1, 2, 3, 4])
    """
    return reshape.reshape(x, (x.size,))
