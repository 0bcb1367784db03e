"""Softmax along an axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _slice_total(v, axis):
    # Sum along axis, broadcast back to v's shape (differentiable).
    from chainer_lite.functions.array import broadcast
    from chainer_lite.functions.math import sum as _sum
    return broadcast.broadcast_to(
        _sum.sum(v, axis=axis, keepdims=True), v.shape)


class Softmax(function_node.FunctionNode):

    """Normalized exponentials along an axis."""

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
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        # Shifting by the maximum keeps exp from overflowing.
        weights = xp.exp(x - x.max(axis=self.axis, keepdims=True))
        return weights / weights.sum(axis=self.axis, keepdims=True),

    def backward(self, indexes, grad_outputs):
        y = self.get_retained_outputs()[0]
        gy, = grad_outputs
        return _SoftmaxGrad(self.axis).apply((y, gy))


class _SoftmaxGrad(function_node.FunctionNode):

    # gx = y * (gy - <y, gy>), the inner product taken along the axis, as
    # a function of (y, gy).

    def __init__(self, axis):
        self.axis = axis

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        weighted = y * gy
        return y * (gy - weighted.sum(axis=self.axis, keepdims=True)),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        centered = ggx - _slice_total(ggx * y, self.axis)
        grads = []
        for i in indexes:
            if i == 0:
                grads.append(
                    centered * gy - ggx * _slice_total(y * gy, self.axis))
            else:
                grads.append(centered * y)
        return tuple(grads)


def softmax(x, axis=1):
    """Softmax function along an axis.

    For each slice :math:`c` of ``x`` along ``axis`` it computes
    :math:`f(c) = \\exp(c) / \\sum_d \\exp(c_d)`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.
        axis (int): The axis along which the softmax is taken.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype; its
        slices along ``axis`` sum to one.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[0.0, np.log(3.0)]], np.float32)
        >>> F.softmax(x).array
        array([[0.25, 0.75]], dtype=float32)
    """
    return Softmax(axis=axis).apply((x,))[0]
