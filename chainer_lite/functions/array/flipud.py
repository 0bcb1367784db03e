"""Flipud: reverse the rows (first axis)."""
from chainer_lite.functions.array import _fixed_flip


class FlipUD(_fixed_flip.FixedAxisFlip):

    """Flips an array in the up/down direction."""

    _func_name = 'flipud'
    _min_ndim = 1


def flipud(a):
    """Flips an array in the up/down direction (along axis 0).

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable,
            a float array with at least one dimension.

    Returns:
        ~chainer.Variable: The flipped variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.flipud(np.array([[1., 2.], [3., 4.]])).array
        array([[3., 4.],
               [1., 2.]])
    """
    return FlipUD().apply((a,))[0]
