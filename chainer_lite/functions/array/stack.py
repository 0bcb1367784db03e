"""Stack: join variables along a new axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import separate
from chainer_lite.utils import type_check


class Stack(function_node.FunctionNode):

    """Concatenates arrays along a new axis."""

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        type_check.expect(
            -in_types[0].ndim - 1 <= self.axis,
            self.axis <= in_types[0].ndim
        )
        dtype = in_types[0].dtype
        shape = in_types[0].shape
        for x_type in in_types[1:]:
            type_check.expect(
                x_type.dtype == dtype,
                x_type.shape == shape,
            )

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.stack(inputs, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        return separate.separate(grad_outputs[0], self.axis)


def stack(xs, axis=0):
    """Concatenates variables along a new axis.

    Args:
        xs (list of :class:`~chainer.Variable` or :ref:`ndarray`): Input
            variables, all of the same shape.
        axis (int): Position of the new axis,
            ``-ndim - 1 <= axis <= ndim``.

    Returns:
        ~chainer.Variable: ``y`` with ``y[..., i, ...]`` (``i`` at ``axis``)
        equal to ``xs[i]``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.stack([np.zeros((3, 4)), np.ones((3, 4))], axis=1).shape
        (3, 2, 4)
    """
    return Stack(axis).apply(xs)[0]
