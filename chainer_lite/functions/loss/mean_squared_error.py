"""Mean squared error between two arrays (Euclidean loss)."""
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite import utils
from chainer_lite.utils import type_check


class MeanSquaredError(function_node.FunctionNode):

    """Mean squared error (a.k.a. Euclidean loss) function."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        diff = (inputs[0] - inputs[1]).ravel()
        return utils.force_array(
            diff.dot(diff) / diff.dtype.type(diff.size), diff.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        diff = x0 - x1
        gy = broadcast.broadcast_to(grad_outputs[0], diff.shape)
        gx0 = gy * diff * (2. / diff.size)
        ret = []
        if 0 in indexes:
            ret.append(gx0)
        if 1 in indexes:
            ret.append(-gx0)
        return ret


def mean_squared_error(x0, x1):
    """Mean squared error function.

    Computes :math:`\\frac{1}{N}\\sum_i (x_{0,i} - x_{1,i})^2` over all
    :math:`N` elements (not halved).

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable of
            the same shape and dtype.

    Returns:
        ~chainer.Variable: A scalar variable of the inputs' dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([1, 2, 3, 4], np.float32)
        >>> F.mean_squared_error(x, np.zeros(4, np.float32)).array
        array(7.5, dtype=float32)
    """
    return MeanSquaredError().apply((x0, x1))[0]
