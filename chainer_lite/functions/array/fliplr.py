"""Fliplr: reverse the columns (second axis)."""
from chainer_lite.functions.array import _fixed_flip


class FlipLR(_fixed_flip.FixedAxisFlip):

    """Flips an array in the left/right direction."""

    _func_name = 'fliplr'
    _min_ndim = 2


def fliplr(a):
    """Flips an array in the left/right direction (along axis 1).

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable,
            a float array with at least two dimensions.

    Returns:
        ~chainer.Variable: The flipped variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.fliplr(np.array([[1., 2.], [3., 4.]])).array
        array([[2., 1.],
               [4., 3.]])
    """
    return FlipLR().apply((a,))[0]
