"""Vstack: join variables vertically (row wise)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import _joining
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import split_axis
from chainer_lite.utils import type_check


class Vstack(function_node.FunctionNode):

    """Concatenates arrays along the first axis (stacking 0-dim and 1-D
    arrays as rows)."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        # Scalars and vectors become whole rows, so their shapes must agree.
        _joining.expect_joinable(in_types, 0, low_rank=1, named=False)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.vstack(inputs),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        shape = self.inputs[0].shape
        if len(shape) <= 1:
            # Each 0-dim or 1-D input became one row.
            gxs = split_axis.split_axis(gy, len(self.inputs), 0)
            return [reshape.reshape(g, shape) for g in gxs]
        if len(self.inputs) == 1:
            return gy,
        sizes = numpy.cumsum([x.shape[0] for x in self.inputs[:-1]])
        return split_axis.split_axis(gy, sizes, 0)


def vstack(xs):
    """Concatenates variables vertically (row wise).

    Args:
        xs (list of :class:`~chainer.Variable` or :ref:`ndarray`): Input
            variables with the same ``ndim``. With ``ndim >= 2`` their shapes
            must match except along the first axis; 0-dim and 1-D inputs
            must have the same shape.

    Returns:
        ~chainer.Variable: The joined variable; ``n`` 1-D inputs of size
        ``N`` give shape ``(n, N)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.vstack((np.array([1, 2, 3]), np.array([2, 3, 4]))).array
        array([[1, 2, 3],
               [2, 3, 4]])
    """
    return Vstack().apply(xs)[0]
