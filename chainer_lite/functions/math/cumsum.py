"""Cumulative sum along an axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _check_axis(axis):
    if not (axis is None or isinstance(axis, int)):
        raise TypeError('axis must be int or None')
    return axis


def _expect_axis_in_range(axis, x_type):
    if axis is not None:
        if axis >= 0:
            type_check.expect(axis < x_type.ndim)
        else:
            type_check.expect(-axis - 1 < x_type.ndim)


class Cumsum(function_node.FunctionNode):

    """Running sum along ``axis`` (of the flattened array if ``None``)."""

    def __init__(self, axis=None):
        self.axis = _check_axis(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        _expect_axis_in_range(self.axis, in_types[0])

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.cumsum(x, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import flip
        gy, = grad_outputs
        # Each x_i contributes to every y_k with k >= i: a reversed cumsum.
        axis = 0 if self.axis is None else self.axis
        reversed_gy = flip.flip(gy, axis)
        gx = flip.flip(cumsum(reversed_gy, axis), axis)
        if self.axis is None:
            gx = gx.reshape(self.inputs[0].shape)
        return gx,


def cumsum(x, axis=None):
    """Cumulative sum of array elements along an axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (int or None): The axis along which the sums accumulate
            (``None``: over the flattened array).

    Returns:
        ~chainer.Variable: The running sums.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.cumsum(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=1).array
        array([[1., 3.],
               [3., 7.]])
    """
    return Cumsum(axis).apply((x,))[0]
