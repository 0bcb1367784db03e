"""Flip: reverse the order of elements along an axis."""
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _flip(array, axis):
    """Reverses ``array`` along ``axis`` by slicing (a view)."""
    indices = [slice(None)] * array.ndim
    indices[axis] = slice(None, None, -1)
    return array[tuple(indices)]


class Flip(function_node.FunctionNode):

    """Reverses the order of elements along an axis."""

    def __init__(self, axis):
        if not isinstance(axis, int):
            raise TypeError('axis must be int')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(x_type.ndim > 0)
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim >= -self.axis)

    def forward(self, inputs):
        return _flip(inputs[0], self.axis),

    def backward(self, indexes, grad_outputs):
        return flip(grad_outputs[0], self.axis),


def flip(x, axis):
    """Flips an input variable in reverse order along the given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        axis (int): Axis along which to reverse.

    Returns:
        ~chainer.Variable: The reversed variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.flip(np.arange(3.0), 0).array
        array([2., 1., 0.])
    """
    return Flip(axis).apply((x,))[0]
