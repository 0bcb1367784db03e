"""Separate: split a variable into its slices along an axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import stack
from chainer_lite.utils import type_check


class Separate(function_node.FunctionNode):

    """Splits an array into its slices along an axis (the axis is
    removed)."""

    def __init__(self, axis):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        if self.axis >= 0:
            type_check.expect(self.axis < x_type.ndim)
        else:
            type_check.expect(-self.axis <= x_type.ndim)

    def forward(self, inputs):
        x, = inputs
        self._xp = backend.get_array_module(x)
        # Indexing a 1-D array would give NumPy scalars; split + squeeze
        # keeps 0-dim arrays.
        ys = [self._xp.squeeze(y, self.axis)
              for y in self._xp.split(x, x.shape[self.axis], self.axis)]
        self._shape = ys[0].shape
        self._dtype = x.dtype
        return tuple(ys)

    def backward(self, indexes, grad_outputs):
        # Outputs that received no gradient contribute zeros.
        grads = [self._xp.zeros(self._shape, self._dtype) if g is None else g
                 for g in grad_outputs]
        return stack.stack(grads, self.axis),


def separate(x, axis=0):
    """Splits an array into its slices along an axis, dropping that axis.

    The inverse of :func:`chainer.functions.stack`: an array of shape
    ``(2, 3, 4)`` separated along ``axis=1`` gives three ``(2, 4)`` arrays.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Variable to be
            separated.
        axis (int): Axis along which to separate.

    Returns:
        tuple of chainer.Variable: The slices.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> ys = F.separate(np.arange(6.0).reshape(2, 3), axis=1)
        >>> len(ys), ys[0].array
        (3, array([0., 3.]))
    """
    return Separate(axis).apply((x,))
