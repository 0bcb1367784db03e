"""Parametric ReLU: ``x`` if non-negative, else ``W * x`` (learned ``W``)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _get_extended_shape(W, x):
    # W covers the axes after the batch axis; trailing axes broadcast.
    return (1,) + W.shape + (1,) * (x.ndim - W.ndim - 1)


def _get_reduce_axes(W, x):
    return (0,) + tuple(range(1 + W.ndim, x.ndim))


class PReLUFunction(function_node.FunctionNode):

    """Parametric Rectified Linear Unit function."""

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
        x, W = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0, 1))
        W = W.reshape(_get_extended_shape(W, x))
        return xp.where(x >= 0, x, x * W).astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        from chainer_lite.functions.math import sum as sum_mod
        x, W = self.get_retained_inputs()
        gy, = grad_outputs
        negative = x.array < 0
        ret = []
        if 0 in indexes:
            W_full = broadcast.broadcast_to(
                W.reshape(_get_extended_shape(W, x)), x.shape)
            # The slope is 1 on the non-negative side and W elsewhere.
            ret.append(gy * (W_full * negative + (~negative)))
        if 1 in indexes:
            ret.append(sum_mod.sum(gy * x * negative,
                                   axis=_get_reduce_axes(W, x)))
        return ret


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
