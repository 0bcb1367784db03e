"""Elementwise maximum of two variables."""
import operator

from chainer_lite.functions.math import _select


class Maximum(_select.ElementwiseChoice):

    """The larger of ``x1`` and ``x2`` at every position."""

    _func_name = 'maximum'
    _x1_chosen = staticmethod(operator.ge)


def maximum(x1, x2):
    """Elementwise maximum of two variables (broadcasting).

    Where the inputs are equal the gradient goes to ``x1``.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            the same dtype, broadcastable with ``x1``.

    Returns:
        ~chainer.Variable: The elementwise maxima.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.maximum(np.array([1.0, 5.0]), np.array([3.0, 2.0])).array
        array([3., 5.])
    """
    return Maximum().apply((x1, x2))[0]
