"""Simplified DropConnect: a linear layer with randomly dropped weights."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import cast
from chainer_lite.functions.math import matmul
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check
from chainer_lite import variable


def _as_mat(x):
    if x.ndim == 2:
        return x
    return x.reshape(len(x), -1)


class SimplifiedDropconnect(function_node.FunctionNode):

    """Linear function with DropConnect on the weights.

    The boolean mask has shape ``(N,) + W.shape`` (a mask per sample) or
    ``W.shape``; it is drawn on the first forward unless given.
    """

    def __init__(self, ratio, mask=None, use_batchwise_mask=True):
        self.ratio = ratio
        self.mask = mask
        self.use_batchwise_mask = use_batchwise_mask

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(2 <= n_in, n_in <= 3)
        x_type, w_type = in_types[:2]
        type_check._argname((x_type, w_type), ('x', 'W'))
        type_check.expect(
            x_type.dtype.kind == 'f',
            w_type.dtype.kind == 'f',
            x_type.ndim >= 2,
            w_type.ndim == 2,
            type_check.prod(x_type.shape[1:]) == w_type.shape[1],
        )
        if type_check.eval(n_in) == 3:
            b_type = in_types[2]
            type_check._argname((b_type,), ('b',))
            type_check.expect(
                b_type.dtype == x_type.dtype,
                b_type.ndim == 1,
                b_type.shape[0] == w_type.shape[0],
            )
        if self.mask is not None:
            if self.use_batchwise_mask:
                type_check.expect(
                    self.mask.shape[0] == x_type.shape[0],
                    self.mask.shape[1:] == w_type.shape,
                )
            else:
                type_check.expect(self.mask.shape == w_type.shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs[:2]
        xp = backend.get_array_module(x)
        scale = W.dtype.type(1. / (1 - self.ratio))
        if self.mask is None:
            if self.use_batchwise_mask:
                shape = (x.shape[0],) + W.shape
            else:
                shape = W.shape
            if xp is numpy:
                self.mask = numpy.random.rand(*shape) >= self.ratio
            else:
                self.mask = xp.random.rand(
                    *shape, dtype=numpy.float32) >= self.ratio
        elif isinstance(self.mask, variable.Variable):
            self.mask = self.mask.array
        x = _as_mat(x)
        W = W * scale * self.mask
        # y[i, j] = sum_k W[(i,) j, k] x[i, k]
        y = xp.matmul(W, x[:, :, None])
        y = y.reshape(y.shape[0], y.shape[1]).astype(x.dtype, copy=False)
        if len(inputs) == 3:
            y += inputs[2]
        return y,

    def backward(self, indexes, grad_outputs):
        x_in, W = self.get_retained_inputs()
        gy, = grad_outputs
        scale = W.dtype.type(1. / (1 - self.ratio))
        x = _as_mat(x_in)
        batch = x.shape[0]
        if self.use_batchwise_mask:
            W_masked = broadcast.broadcast_to(
                W, self.mask.shape) * scale * self.mask
        else:
            W_masked = broadcast.broadcast_to(
                W * scale * self.mask, (batch,) + self.mask.shape)
        ret = []
        if 0 in indexes:
            gx = matmul.matmul(gy[:, None, :], W_masked).reshape(x_in.shape)
            ret.append(cast.cast(gx, x.dtype))
        if 1 in indexes:
            shape = (batch, gy.shape[1], x.shape[1])
            outer = (broadcast.broadcast_to(gy[:, :, None], shape)
                     * broadcast.broadcast_to(x[:, None, :], shape))
            gW = _sum.sum(outer * self.mask, axis=0) * scale
            ret.append(cast.cast(gW, W.dtype))
        if 2 in indexes:
            ret.append(_sum.sum(gy, axis=0))
        return ret


def simplified_dropconnect(x, W, b=None, ratio=.5, train=True, mask=None,
                           use_batchwise_mask=True):
    """Linear unit regularized by simplified dropconnect.

    Each weight is dropped with probability ``ratio`` and the others are
    scaled by ``1 / (1 - ratio)``, then ``y = x W^T + b`` is computed; with
    ``use_batchwise_mask`` every sample gets its own mask.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, ...)``, flattened to ``(N, K)``.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Weight of shape
            ``(M, K)``.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of shape
            ``(M,)``, or ``None``.
        ratio (float): Dropconnect ratio.
        train (bool): If ``False``, no weight is dropped.
        mask (:ref:`ndarray` or None): The boolean mask to use, of shape
            ``(N, M, K)`` or ``(M, K)``; ``None`` draws one.
        use_batchwise_mask (bool): Draw a mask per sample.

    Returns:
        ~chainer.Variable: Output of shape ``(N, M)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.ones((1, 2), np.float32)
        >>> W = np.ones((3, 2), np.float32)
        >>> F.simplified_dropconnect(x, W, train=False).array
        array([[2., 2., 2.]], dtype=float32)

    See: `Simple and Efficient Implementation of Dropconnect
    <https://arxiv.org/abs/1512.00843>`_
    """
    if not train:
        ratio = 0
    inputs = (x, W) if b is None else (x, W, b)
    return SimplifiedDropconnect(
        ratio, mask, use_batchwise_mask).apply(inputs)[0]
