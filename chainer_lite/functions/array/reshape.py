"""Reshape: the same elements in a new shape."""
from chainer_lite import function_node
from chainer_lite.utils import type_check
from chainer_lite import variable


class Reshape(function_node.FunctionNode):

    """Reshapes an input array without copy."""

    def __init__(self, shape):
        self.shape = shape
        self._cnt = sum(1 for s in shape if s < 0)
        if self._cnt > 1:
            raise ValueError('Only one dimension can be -1')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self._cnt == 0:
            type_check.expect(
                type_check.prod(x_type.shape) == type_check.prod(self.shape))
        else:
            known_size = 1
            for s in self.shape:
                if s > 0:
                    known_size *= s
            size_var = type_check.make_variable(
                known_size, 'known_size(=%d)' % known_size)
            type_check.expect(
                type_check.prod(x_type.shape) % size_var == 0)

    def forward(self, inputs):
        return inputs[0].reshape(self.shape),

    def backward(self, indexes, grad_outputs):
        return reshape(grad_outputs[0], self.inputs[0].shape),


def reshape(x, shape):
    """Reshapes an input variable without copy.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        shape (tuple of int): The new shape; one dimension may be -1.

    Returns:
        ~chainer.Variable: A variable with the new shape.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.reshape(np.arange(6.0), (2, -1)).shape
        (2, 3)
    """
    if x.shape == shape:
        return variable.as_variable(x)
    y, = Reshape(shape).apply((x,))
    return y
