"""Swish: ``x * sigmoid(beta * x)`` with a per-channel ``beta``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import _channelwise
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check


class Swish(function_node.FunctionNode):

    """Swish activation function."""

    @type_check._inputs_only
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
        scaled = beta.reshape(_channelwise.param_view_shape(
            beta.ndim, beta.shape, x.ndim)) * x
        # sigmoid(v) = (1 + tanh(v / 2)) / 2, free of overflow.
        half = x.dtype.type(0.5)
        return x * (half + half * xp.tanh(half * scaled)),

    def backward(self, indexes, grad_outputs):
        x, beta = self.get_retained_inputs()
        gy, = grad_outputs
        beta_x = broadcast.broadcast_to(beta.reshape(
            _channelwise.param_view_shape(beta.ndim, beta.shape, x.ndim)),
            x.shape)
        s = sigmoid.sigmoid(beta_x * x)
        y = x * s
        grads = []
        for i in indexes:
            if i == 0:
                # dy/dx = s + beta x s (1 - s) = s + beta y (1 - s)
                grads.append(gy * (s + beta_x * y * (1 - s)))
            else:
                # dy/dbeta = x^2 s (1 - s) = y (x - y)
                grads.append(_sum.sum(
                    gy * y * (x - y),
                    axis=_channelwise.shared_axes(beta.ndim, x.ndim)))
        return grads


def swish(x, beta):
    """Swish activation function, :math:`f(x, \\beta) = x \\sigma(\\beta x)`.

    :math:`\\sigma` is the sigmoid; :math:`f(x, 0) = x / 2` and the function
    tends to ReLU as :math:`\\beta \\to \\infty`
    (https://arxiv.org/abs/1710.05941).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of
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
