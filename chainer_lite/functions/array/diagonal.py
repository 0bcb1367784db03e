"""Diagonal: take (batched) diagonals of a variable."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _placement(node):
    # (offset, axis1, axis2): where the diagonal lies, shared by both nodes.
    return node.offset, node.axis1, node.axis2


class Diagonal(function_node.FunctionNode):

    """Takes the diagonal over two axes (``x.diagonal``)."""

    def __init__(self, offset, axis1, axis2):
        self.offset = offset
        self.axis1 = axis1
        self.axis2 = axis2

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        # Both axes, possibly negative, must exist in x.
        larger, smaller = sorted((self.axis1, self.axis2), reverse=True)
        type_check.expect(larger < x_type.ndim)
        type_check.expect(-x_type.ndim <= smaller)

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        return x.diagonal(offset=self.offset, axis1=self.axis1,
                          axis2=self.axis2),

    def backward(self, indexes, grad_outputs):
        grad = DiagonalGrad(self._in_shape, *_placement(self))
        return grad.apply(grad_outputs)


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
        return Diagonal(*_placement(self)).apply(grad_outputs)


def diagonal(x, offset=0, axis1=0, axis2=1):
    """Takes the diagonal of a (batched) matrix.

    Axes other than ``axis1`` and ``axis2`` are batch dimensions; the
    diagonal becomes the last axis of the output.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Array with at
            least two axes.
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
    node = Diagonal(offset, axis1, axis2)
    return node.apply((x,))[0]
