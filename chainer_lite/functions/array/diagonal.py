"""Diagonal: take (batched) diagonals of a variable."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class Diagonal(function_node.FunctionNode):

    """Takes the diagonal over two axes (``x.diagonal``)."""

    def __init__(self, offset, axis1, axis2):
        self.offset = offset
        self.axis1 = axis1
        self.axis2 = axis2

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        in_type = in_types[0]
        type_check.expect(max(self.axis1, self.axis2) < in_type.ndim)
        type_check.expect(-in_type.ndim <= min(self.axis1, self.axis2))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return x.diagonal(offset=self.offset, axis1=self.axis1,
                          axis2=self.axis2),

    def backward(self, indexes, grad_outputs):
        return DiagonalGrad(self._in_shape, self.offset, self.axis1,
                            self.axis2).apply(grad_outputs)


class DiagonalGrad(function_node.FunctionNode):

    """Writes values onto the diagonal of a zero array (Diagonal's
    adjoint)."""

    def __init__(self, out_shape, offset, axis1, axis2):
        self.out_shape = out_shape
        self.offset = offset
        self.axis1 = axis1
        self.axis2 = axis2

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        y = xp.zeros(self.out_shape, x.dtype)
        # Index the diagonal explicitly: NumPy's diagonal() view is
        # read-only.
        axis1 = self.axis1 % y.ndim
        axis2 = self.axis2 % y.ndim
        n = x.shape[-1]
        rows = xp.arange(n) + max(-self.offset, 0)
        cols = xp.arange(n) + max(self.offset, 0)
        y_moved = xp.moveaxis(y, (axis1, axis2), (-2, -1))
        y_moved[..., rows, cols] = x
        return y,

    def backward(self, indexes, grad_outputs):
        return Diagonal(self.offset, self.axis1, self.axis2).apply(
            grad_outputs)


def diagonal(x, offset=0, axis1=0, axis2=1):
    """Takes the diagonal of a (batched) matrix.

    Axes other than ``axis1`` and ``axis2`` are batch dimensions; the
    diagonal becomes the last axis of the output.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        offset (int): Offset from the principal diagonal (positive for upper
            diagonals).
        axis1 (int): The axis of row indices.
        axis2 (int): The axis of column indices.

    Returns:
        ~chainer.Variable: The (batched) diagonal vectors.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.diagonal(np.arange(9.0).reshape(3, 3), offset=1).array
        array([1., 5.])
    """
    return Diagonal(offset, axis1, axis2).apply((x,))[0]
