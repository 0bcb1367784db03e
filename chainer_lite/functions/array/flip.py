"""Flip: reverse the order of elements along an axis."""
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _flip(array, axis):
    """Reverses ``array`` along ``axis`` by slicing (a view)."""
    if axis < 0:
        axis += array.ndim
    return array[(slice(None),) * axis + (slice(None, None, -1),)]


class Flip(function_node.FunctionNode):

    """Reverses the order of elements along an axis."""

    def __init__(self, axis):
        if not isinstance(axis, int):
            raise TypeError('axis must be int')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.ndim > 0)
        # A negative axis counts from the end: -1 needs one axis.
        if self.axis < 0:
            type_check.expect(x_type.ndim >= -self.axis)
        else:
            type_check.expect(x_type.ndim > self.axis)

    def forward(self, inputs):
        x, = inputs
        return _flip(x, self.axis),

    def backward(self, indexes, grad_outputs):
        # Reversing twice is the identity: the adjoint is the flip itself.
        gy, = grad_outputs
        return flip(gy, self.axis),


def flip(x, axis):
    """Reverses the order of the elements along one axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array to
            reverse.
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
