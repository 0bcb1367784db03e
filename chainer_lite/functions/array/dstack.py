"""Dstack: join variables along the third axis (depth wise)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import _joining
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import split_axis
from chainer_lite.utils import type_check


class Dstack(function_node.FunctionNode):

    """Concatenates arrays along the third axis (lower-dimensional arrays
    are first viewed as 3-D)."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        # Arrays with up to two axes become single depth slices, so their
        # shapes must agree entirely.
        _joining.expect_joinable(in_types, 2, low_rank=2)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.dstack(inputs),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        shape = self.inputs[0].shape
        if len(shape) <= 2:
            # Each input of ndim <= 2 became one depth slice.
            gxs = split_axis.split_axis(gy, len(self.inputs), 2)
            return [reshape.reshape(g, shape) for g in gxs]
        if len(self.inputs) == 1:
            return gy,
        sizes = numpy.cumsum([x.shape[2] for x in self.inputs[:-1]])
        return split_axis.split_axis(gy, sizes, 2)


def dstack(xs):
    """Concatenates variables along the third axis (depth wise).

    Args:
        xs (list of :class:`~chainer.Variable` or :ref:`ndarray`): Input
            variables with the same ``ndim``. With ``ndim >= 3`` their shapes
            must match except along the third axis; inputs of lower ``ndim``
            must have the same shape.

    Returns:
        ~chainer.Variable: The joined variable. ``n`` inputs of shape
        ``(N1, N2)`` give ``(N1, N2, n)``; of shape ``(N1,)`` give
        ``(1, N1, n)``; 0-dim inputs give ``(1, 1, n)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.dstack((np.array([1, 2, 3]), np.array([2, 3, 4]))).shape
        (1, 3, 2)
    """
    return Dstack().apply(xs)[0]
