"""Hstack: join variables horizontally (column wise)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import _joining
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import split_axis
from chainer_lite.utils import type_check


class Hstack(function_node.FunctionNode):

    """Concatenates arrays along the second axis (the first for 1-D)."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        # Vectors are simply chained (along their only axis).
        _joining.expect_joinable(in_types, 1, low_rank=1, low_rank_axis=0)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.hstack(inputs),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ndim = len(self.inputs[0].shape)
        if ndim == 0:
            # 0-dim inputs were laid out as a 1-D array.
            gxs = split_axis.split_axis(gy, len(self.inputs), 0)
            return [reshape.reshape(g, ()) for g in gxs]
        if len(self.inputs) == 1:
            return gy,
        axis = 0 if ndim == 1 else 1
        sizes = numpy.cumsum([x.shape[axis] for x in self.inputs[:-1]])
        return split_axis.split_axis(gy, sizes, axis)


def hstack(xs):
    """Concatenates variables horizontally (column wise).

    Args:
        xs (list of :class:`~chainer.Variable` or :ref:`ndarray`): Input
            variables with the same ``ndim``. With ``ndim >= 2`` their shapes
            must match except along the second axis; 0-dim and 1-D inputs
            may differ in length.

    Returns:
        ~chainer.Variable: The joined variable; 0-dim and 1-D inputs give a
        1-D output of the total size.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.hstack((np.array([1, 2, 3]), np.array([4, 5]))).array
        array([1, 2, 3, 4, 5])
    """
    return Hstack().apply(xs)[0]
