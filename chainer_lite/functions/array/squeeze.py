"""Squeeze: remove axes of length one."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import reshape
from chainer_lite.utils import type_check


def argone(iterable):
    """Returns the positions of the elements equal to one."""
    result = []
    for i, x in enumerate(iterable):
        if not isinstance(x, int):
            raise ValueError('elements in iterable must be int')
        if x == 1:
            result.append(i)
    return result


class Squeeze(function_node.FunctionNode):

    """Removes axes of length one from the shape of an array."""

    def __init__(self, axis=None):
        if axis is None:
            self.axis = None
        elif isinstance(axis, int):
            self.axis = (axis,)
        elif isinstance(axis, tuple) and all(
                isinstance(x, int) for x in axis):
            self.axis = axis
        else:
            raise TypeError('axis must be None, int or tuple of ints')

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type = in_types[0]
        if self.axis is not None:
            for x in self.axis:
                if x >= 0:
                    type_check.expect(x < x_type.ndim)
                else:
                    type_check.expect(-x_type.ndim <= x)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.squeeze(x, self.axis),

    def backward(self, indexes, grad_outputs):
        return reshape.reshape(grad_outputs[0], self.inputs[0].shape),


def squeeze(x, axis=None):
    """Removes dimensions of size one from the shape of a variable.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array to
            squeeze.
        axis (None or int or tuple of ints): The axes to remove; ``None``
            removes every axis of length one. Selecting an axis whose length
            is not one raises an error.

    Returns:
        ~chainer.Variable: Variable without the removed axes.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.squeeze(np.zeros((2, 1, 1, 3)), axis=1).shape
        (2, 1, 3)
    """
    y, = Squeeze(axis).apply((x,))
    return y
