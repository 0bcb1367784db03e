"""Mean absolute error between two arrays."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.utils import type_check


class MeanAbsoluteError(function_node.FunctionNode):

    """Mean absolute error function."""

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
        # float16 is summed in float32.
        dtype = (numpy.dtype(numpy.float32) if x0.dtype == numpy.float16
                 else x0.dtype)
        diff = self.diff.ravel().astype(dtype, copy=False)
        loss = abs(diff).sum() / dtype.type(diff.size)
        return xp.asarray(loss, dtype=x0.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        xp = backend.get_array_module(gy)
        coeff = gy * gy.dtype.type(1. / self.diff.size)
        coeff = broadcast.broadcast_to(coeff, self.diff.shape)
        gx0 = coeff * xp.sign(self.diff)
        return gx0, -gx0


def mean_absolute_error(x0, x1):
    """Mean absolute error function.

    Computes :math:`\\frac{1}{N}\\sum_i |x_{0,i} - x_{1,i}|` over all
    :math:`N` elements.

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable of
            the same shape and dtype.

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
