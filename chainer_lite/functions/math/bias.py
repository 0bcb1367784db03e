"""Elementwise sum with Caffe-style broadcasting of the second operand."""
from chainer_lite.functions.math import _axis_broadcast


def bias(x, y, axis=1):
    """Elementwise sum ``x + y`` where ``y`` is broadcast from ``axis``.

    ``y`` lines up with the axes ``axis, axis + 1, ...`` of ``x`` (the
    convention of Caffe's Bias layer, unlike NumPy's trailing alignment)
    and is repeated along all the other axes: with ``x.shape == (8, 2, 7,
    7)``, ``y.shape == (2, 7)`` and ``axis=1``, ``y`` is used as if it had
    shape ``(1, 2, 7, 1)``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array to
            shift.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): The bias, whose
            shape is ``x.shape[axis:axis + y.ndim]``.
        axis (int): The first axis of ``x`` that ``y`` covers.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.zeros((2, 3, 4))
        >>> F.bias(x, np.array([1.0, 2.0, 3.0])).array[0, :, 0]
        array([1., 2., 3.])
    """
    return x + _axis_broadcast.broadcast_from_axis(x, y, axis)
