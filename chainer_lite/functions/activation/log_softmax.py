"""Logarithm of the softmax along an axis, computed stably."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _logsumexp(x, axis):
    # log(sum(exp(x))) along axis (kept), shifted by the maximum so that
    # exp never overflows.
    xp = backend.get_array_module(x)
    m = x.max(axis=axis, keepdims=True)
    s = xp.exp(x - m).sum(axis=axis, keepdims=True)
    return m + xp.log(s)


def _log_softmax(x, axis=1):
    """Log-softmax of a raw array (no graph); used by the losses too."""
    return x - _logsumexp(x, axis)


def _slice_total(v, axis):
    # Sum along axis, broadcast back to v's shape (differentiable).
    from chainer_lite.functions.array import broadcast
    from chainer_lite.functions.math import sum as _sum
    return broadcast.broadcast_to(
        _sum.sum(v, axis=axis, keepdims=True), v.shape)


class LogSoftmax(function_node.FunctionNode):

    """``log(softmax(x))`` along an axis."""

    def __init__(self, axis=1):
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            -x_type.ndim <= self.axis < x_type.ndim,
        )

    def forward(self, inputs):
        self.retain_outputs((0,))
        return _log_softmax(inputs[0], axis=self.axis),

    def backward(self, indexes, grad_outputs):
        y = self.get_retained_outputs()[0]
        return LogSoftmaxGrad(self.axis).apply((y, grad_outputs[0]))


class LogSoftmaxGrad(function_node.FunctionNode):

    """Gradient of log-softmax from its output: ``gy - exp(y) * sum(gy)``."""

    def __init__(self, axis):
        self.axis = axis

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        xp = backend.get_array_module(y)
        total = gy.sum(axis=self.axis, keepdims=True)
        return gy - total * xp.exp(y),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import exponential
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        # exp(y) is the softmax p; gx = gy - p * sum(gy).
        p = exponential.exp(y)
        grads = []
        for i in indexes:
            if i == 0:
                grads.append(-(ggx * p) * _slice_total(gy, self.axis))
            else:
                grads.append(ggx - _slice_total(ggx * p, self.axis))
        return tuple(grads)


def log_softmax(x, axis=1):
    """Log-softmax function along an axis.

    For each slice :math:`c` of ``x`` along ``axis`` it computes
    :math:`\\log(\\exp(c) / \\sum_d \\exp(c_d))`. This equals
    ``log(softmax(x))`` but stays finite where the softmax underflows to 0.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.
        axis (int): The axis along which the log-softmax is taken.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[0.0, 0.0]])
        >>> F.log_softmax(x).array
        array([[-0.69314718, -0.69314718]])
    """
    return LogSoftmax(axis=axis).apply((x,))[0]
