"""Concat: join variables along an existing axis."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import split_axis
from chainer_lite.utils import type_check


class Concat(function_node.FunctionNode):

    """Concatenates arrays along an axis."""

    def __init__(self, axis=1):
        if not isinstance(axis, int):
            raise TypeError('axis must be int')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check.expect(in_types[0].ndim >
                          type_check.make_variable(self.axis, 'axis'))
        type_check.expect(
            -in_types[0].ndim <= self.axis,
            self.axis < in_types[0].ndim
        )
        ndim = type_check.eval(in_types[0].ndim)
        axis = self.axis % ndim
        for i in range(1, type_check.eval(in_types.size())):
            type_check.expect(
                in_types[0].dtype == in_types[i].dtype,
                in_types[0].ndim == in_types[i].ndim,
            )
            for d in range(ndim):
                if d != axis:
                    type_check.expect(
                        in_types[0].shape[d] == in_types[i].shape[d])

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.concatenate(inputs, self.axis),

    def backward(self, indexes, grad_outputs):
        if len(self.inputs) == 1:
            return grad_outputs
        sizes = numpy.cumsum([x.shape[self.axis] for x in self.inputs[:-1]])
        return split_axis.split_axis(grad_outputs[0], sizes, self.axis)


def concat(xs, axis=1):
    """Joins arrays end to end along an existing axis.

    Args:
        xs (tuple of :class:`~chainer.Variable` or :ref:`ndarray`): Input
            variables; their shapes must match except along ``axis``.
        axis (int): The axis along which they are joined (default 1).

    Returns:
        ~chainer.Variable: The joined array.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.concat((np.zeros((2, 3)), np.ones((2, 1)))).shape
        (2, 4)
    """
    y, = Concat(axis).apply(xs)
    return y
