"""Mean squared error between two arrays (Euclidean loss)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite import utils
from chainer_lite.utils import type_check


class MeanSquaredError(function_node.FunctionNode):

    """Mean of ``(x0 - x1) ** 2`` over all elements."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x0, x1 = inputs
        xp = backend.get_array_module(x0)
        # numpy accumulates a float16 mean in float32.
        return utils.force_array(xp.square(x0 - x1).mean(), x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        scale = grad_outputs[0] * (2. / x0.size)
        g0 = broadcast.broadcast_to(scale, x0.shape) * (x0 - x1)
        return [g0 if i == 0 else -g0 for i in indexes]


def mean_squared_error(x0, x1):
    """Mean squared error between two arrays.

    Computes :math:`\\frac{1}{N}\\sum_i (x_{0,i} - x_{1,i})^2` over all
    :math:`N` elements (not halved).

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): Prediction.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Target, of
            ``x0``'s shape and dtype.

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
