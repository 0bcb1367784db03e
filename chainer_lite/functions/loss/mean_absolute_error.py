"""Mean absolute error between two arrays."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.utils import type_check


class MeanAbsoluteError(function_node.FunctionNode):

    """Mean of ``|x0 - x1|`` over all elements."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x0, x1 = inputs
        xp = backend.get_array_module(x0)
        self.diff = x0 - x1
        # Half precision is accumulated in single precision.
        acc = numpy.promote_types(x0.dtype, numpy.float32)
        return xp.asarray(xp.abs(self.diff).mean(dtype=acc), x0.dtype),

    def backward(self, indexes, grad_outputs):
        xp = backend.get_array_module(self.diff)
        n = self.diff.size
        per_entry = broadcast.broadcast_to(
            grad_outputs[0] / n, self.diff.shape)
        g0 = per_entry * xp.sign(self.diff)
        return g0, -g0


def mean_absolute_error(x0, x1):
    """Mean absolute error between two arrays.

    Computes :math:`\\frac{1}{N}\\sum_i |x_{0,i} - x_{1,i}|` over all
    :math:`N` elements.

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): Prediction.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Target, of
            ``x0``'s shape and dtype.

    Returns:
        ~chainer.Variable: A scalar variable of the inputs' dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([1, -2, 3, 4], np.float32)
        >>> F.mean_absolute_error(x, np.zeros(4, np.float32)).array
        array(2.5, dtype=float32)
    """
    return MeanAbsoluteError().apply((x0, x1))[0]
