"""``log(sum(exp(x)))`` over axes, computed without overflow."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _axis
from chainer_lite.utils import type_check


class LogSumExp(function_node.FunctionNode):

    def __init__(self, axis=None):
        self.axis = _axis.normalize_axis(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        _axis.expect_axes_in_range(self.axis, in_types[0])

    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        # Shifting by the maximum keeps exp from overflowing.
        m = x.max(axis=self.axis, keepdims=True)
        s = utils.force_array(xp.exp(x - m)).sum(axis=self.axis)
        return xp.asarray(xp.log(s) + m.reshape(s.shape)),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        from chainer_lite.functions.math import exponential
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        shape = _axis.keepdims_shape(x.shape, self.axis)
        gy = broadcast.broadcast_to(grad_outputs[0].reshape(shape), x.shape)
        y = broadcast.broadcast_to(y.reshape(shape), x.shape)
        # d logsumexp / dx = softmax(x) = exp(x - y)
        return gy * exponential.exp(x - y),


def logsumexp(x, axis=None):
    """Log-sum-exp of array elements over given axes.

    Computes :math:`y = \\log \\sum_j \\exp(x_j)` over the reduced axes,
    stably for large inputs.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None, int, or tuple of int): Axes to reduce (all by default).

    Returns:
        ~chainer.Variable: ``log(sum(exp(x)))`` over the axes.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.logsumexp(np.array([[1000.0, 1000.0]]), axis=1).array
        array([1000.69314718])
    """
    return LogSumExp(axis).apply((x,))[0]
