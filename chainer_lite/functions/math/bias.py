"""Elementwise sum with Caffe-style broadcasting of the second operand."""
from chainer_lite.functions.math import _axis_broadcast


def bias(x, y, axis=1):
    """Elementwise sum ``x + y`` where ``y`` is broadcast from ``axis``.

    ``y``'s axes are matched with those of ``x`` starting at ``axis`` (as
    Caffe's Bias layer does), and the other axes of ``x`` are broadcast.
    For ``x`` of shape ``(100, 3, 40, 5, 6)``, ``y`` of shape ``(3, 40)``
    and ``axis=1``, ``y`` acts as an array of shape ``(1, 3, 40, 1, 1)``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
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
