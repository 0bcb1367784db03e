"""Expand_dims: insert an axis of length one."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import reshape
from chainer_lite.utils import type_check


class ExpandDims(function_node.FunctionNode):

    """Inserts a new axis of length one without copying."""

    def __init__(self, axis):
        self.axis = int(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis >= 0:
            type_check.expect(x_type.ndim >= self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis - 1)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.expand_dims(x, self.axis),

    def backward(self, indexes, grad_outputs):
        return reshape.reshape(grad_outputs[0], self.inputs[0].shape),


def expand_dims(x, axis):
    """Inserts an axis of length one (a view, no copy).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array that
            gets a new axis of length one.
        axis (int): Position of the new axis, with
            ``-x.ndim - 1 <= axis <= x.ndim``; a negative value counts from
            the end of the output shape.

    Returns:
        ~chainer.Variable: Variable with one more dimension than ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.expand_dims(np.array([1, 2, 3]), axis=1).shape
        (3, 1)
    """
    y, = ExpandDims(axis).apply((x,))
    return y
