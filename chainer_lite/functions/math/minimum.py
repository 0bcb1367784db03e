"""Elementwise minimum of two variables."""
import operator

from chainer_lite.functions.math import _select


class Minimum(_select.ElementwiseChoice):

    """The smaller of ``x1`` and ``x2`` at every position."""

    _func_name = 'minimum'
    _x1_chosen = staticmethod(operator.le)


def minimum(x1, x2):
    """Elementwise minimum of two variables (broadcasting).

    Where the inputs are equal the gradient goes to ``x1``.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            the same dtype, broadcastable with ``x1``.

    Returns:
        ~chainer.Variable: The elementwise minima.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.minimum(np.array([1.0, 5.0]), np.array([3.0, 2.0])).array
        array([1., 2.])
    """
    return Minimum().apply((x1, x2))[0]
