"""Parametric ReLU: ``x`` if non-negative, else ``W * x`` (learned ``W``)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import _channelwise
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check


class PReLUFunction(function_node.FunctionNode):

    """ReLU with a learned slope on the negative side."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'W'))
        x_type, W_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            W_type.dtype == x_type.dtype,
            x_type.ndim >= W_type.ndim + 1,
            x_type.shape[1:1 + type_check.eval(W_type.ndim)] == W_type.shape
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, W = inputs
        xp = backend.get_array_module(x)
        slopes = W.reshape(
            _channelwise.param_view_shape(W.ndim, W.shape, x.ndim))
        return xp.where(x < 0, x * slopes, x).astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        negative = x.array < 0
        grads = []
        for i in indexes:
            if i == 0:
                # The slope is W on the negative side and 1 elsewhere.
                slopes = broadcast.broadcast_to(W.reshape(
                    _channelwise.param_view_shape(W.ndim, W.shape, x.ndim)),
                    x.shape)
                grads.append(gy * (slopes * negative + (~negative)))
            else:
                grads.append(_sum.sum(
                    gy * x * negative,
                    axis=_channelwise.shared_axes(W.ndim, x.ndim)))
        return grads


def prelu(x, W):
    """Parametric ReLU function.

    Computes :math:`x_i` where :math:`x_i \\ge 0` and :math:`W_i x_i`
    elsewhere. ``W`` covers the leading axes of ``x`` after the batch axis:
    for ``W`` of shape ``(2, 3, 4)``, ``x`` has shape
    ``(B, 2, 3, 4, S_1, ..., S_N)`` and ``W`` is shared along the trailing
    axes (e.g. the pixels of a convolution's channel).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable;
            its first axis is the minibatch.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): The slopes, of the
            same dtype.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[-2.0, 1.0], [-1.0, -4.0]], np.float32)
        >>> W = np.array([0.5, 0.25], np.float32)
        >>> F.prelu(x, W).array
        array([[-1. ,  1. ],
               [-0.5, -1. ]], dtype=float32)

    .. seealso:: :class:`chainer.links.PReLU` keeps ``W`` as a trainable
       parameter.
    """
    return PReLUFunction().apply((x, W))[0]
