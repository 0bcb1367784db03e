"""Elementwise product with Caffe-style broadcasting of the second operand."""
from chainer_lite.functions.math import _axis_broadcast


def scale(x, y, axis=1):
    """Elementwise product ``x * y`` where ``y`` is broadcast from ``axis``.

    ``y``'s axes are matched with those of ``x`` starting at ``axis`` (as
    Caffe's Scale layer does), and the other axes of ``x`` are broadcast.
    For ``x`` of shape ``(100, 3, 40, 5, 6)``, ``y`` of shape ``(3, 40)``
    and ``axis=1``, ``y`` acts as an array of shape ``(1, 3, 40, 1, 1)``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): The scale, whose
            shape is ``x.shape[axis:axis + y.ndim]``.
        axis (int): The first axis of ``x`` that ``y`` covers.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.ones((2, 3, 4))
        >>> F.scale(x, np.array([1.0, 2.0, 3.0])).array[0, :, 0]
        array([1., 2., 3.])
    """
    return x * _axis_broadcast.broadcast_from_axis(x, y, axis)
