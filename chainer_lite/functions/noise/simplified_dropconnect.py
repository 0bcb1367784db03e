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


def _rows(x):
    # (N, ...) -> (N, K): one flattened feature row per sample.
    return x if x.ndim == 2 else x.reshape(x.shape[0], -1)


def _draw_mask(xp, shape, ratio):
    # True keeps a weight, with probability 1 - ratio.
    if xp is numpy:
        uniform = numpy.random.rand(*shape)
    else:
        uniform = xp.random.rand(*shape, dtype=numpy.float32)
    return uniform >= ratio


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
        x, W = _rows(inputs[0]), inputs[1]
        xp = backend.get_array_module(x)
        if self.mask is None:
            batch_shape = (len(x),) if self.use_batchwise_mask else ()
            self.mask = _draw_mask(xp, batch_shape + W.shape, self.ratio)
        elif isinstance(self.mask, variable.Variable):
            self.mask = self.mask.array
        kept = W * W.dtype.type(1. / (1 - self.ratio)) * self.mask
        if self.use_batchwise_mask:
            # Sample n is multiplied by its own weight matrix kept[n].
            y = xp.einsum('nk,njk->nj', x, kept)
        else:
            y = x.dot(kept.T)
        y = y.astype(x.dtype, copy=False)
        if len(inputs) == 3:
            y += inputs[2]
        return y,

    def backward(self, indexes, grad_outputs):
        x_in, W = self.get_retained_inputs()
        gy, = grad_outputs
        x = _rows(x_in)
        n, n_out, n_in = len(x), W.shape[0], W.shape[1]
        keep = self.mask * W.dtype.type(1. / (1 - self.ratio))
        grads = {}
        if 0 in indexes:
            if self.use_batchwise_mask:
                kept = broadcast.broadcast_to(W, keep.shape) * keep
                gx = matmul.matmul(
                    gy.reshape(n, 1, n_out), kept).reshape(x_in.shape)
            else:
                gx = matmul.matmul(gy, W * keep).reshape(x_in.shape)
            grads[0] = cast.cast(gx, x.dtype)
        if 1 in indexes:
            if self.use_batchwise_mask:
                # Per-sample outer products gy[n] x[n]^T, masked, summed.
                outer = matmul.matmul(gy.reshape(n, n_out, 1),
                                      x.reshape(n, 1, n_in))
                gW = _sum.sum(outer * keep, axis=0)
            else:
                gW = matmul.matmul(gy, x, transa=True) * keep
            grads[1] = cast.cast(gW, W.dtype)
        if 2 in indexes:
            grads[2] = _sum.sum(gy, axis=0)
        return [grads[i] for i in indexes]


def simplified_dropconnect(x, W, b=None, ratio=.5, train=True, mask=None,
                           use_batchwise_mask=True):
    """Linear layer whose weights are randomly dropped (DropConnect).

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
    node = SimplifiedDropconnect(
        ratio, mask=mask, use_batchwise_mask=use_batchwise_mask)
    return node.apply((x, W) if b is None else (x, W, b))[0]
