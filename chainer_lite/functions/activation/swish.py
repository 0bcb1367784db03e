"""Swish: ``x * sigmoid(beta * x)`` with a per-channel ``beta``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _get_extended_shape(beta, x):
    # beta covers the axes after the batch axis; trailing axes broadcast.
    return (1,) + beta.shape + (1,) * (x.ndim - beta.ndim - 1)


def _get_reduction_axes(beta, x):
    return (0,) + tuple(range(1 + beta.ndim, x.ndim))


class Swish(function_node.FunctionNode):

    """Swish activation function."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'beta'))
        x_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            beta_type.dtype == x_type.dtype,
            beta_type.ndim <= x_type.ndim - 1,
            beta_type.shape == x_type.shape[1:1 +
                                            type_check.eval(beta_type.ndim)]
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, beta = inputs
        xp = backend.get_array_module(x)
        bx = beta.reshape(_get_extended_shape(beta, x)) * x
        half = x.dtype.type(0.5)
        return x * (xp.tanh(bx * half) * half + half),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.activation import sigmoid
        from chainer_lite.functions.array import broadcast
        from chainer_lite.functions.math import sum as sum_mod
        x, beta = self.get_retained_inputs()
        gy, = grad_outputs
        beta_full = broadcast.broadcast_to(
            beta.reshape(_get_extended_shape(beta, x)), x.shape)
        s = sigmoid.sigmoid(beta_full * x)
        y = x * s
        ret = []
        if 0 in indexes:
            # dy/dx = s + beta * x * s * (1 - s) = by + s * (1 - by)
            by = beta_full * y
            ret.append(gy * (by + s * (1 - by)))
        if 1 in indexes:
            # dy/dbeta = x^2 * s * (1 - s) = y * (x - y)
            ret.append(sum_mod.sum(gy * y * (x - y),
                                   axis=_get_reduction_axes(beta, x)))
        return ret


def swish(x, beta):
    """Swish activation function, :math:`f(x, \\beta) = x \\sigma(\\beta x)`.

    :math:`\\sigma` is the sigmoid; :math:`f(x, 0) = x / 2` and the function
    tends to ReLU as :math:`\\beta \\to \\infty`
    (https://arxiv.org/abs/1710.05941).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable of
            shape :math:`(s_B, s_1, ..., s_N)`, the first axis being the
            minibatch.
        beta (:class:`~chainer.Variable` or :ref:`ndarray`): The parameter,
            of shape :math:`(s_1, ..., s_M)` with :math:`0 \\le M \\le N`;
            it is reshaped to :math:`(1, s_1, ..., s_M, 1, ..., 1)` and
            broadcast against ``x``.

    Returns:
        ~chainer.Variable: Output variable of the shape of ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.swish(np.array([[2.0, -2.0]]), np.array([0.0, 0.0])).array
        array([[ 1., -1.]])

    .. seealso:: :class:`chainer.links.Swish` keeps ``beta`` as a trainable
       parameter.
    """
    y, = Swish().apply((x, beta))
    return y
