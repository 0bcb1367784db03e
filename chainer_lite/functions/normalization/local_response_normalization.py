"""Local response normalization across neighbouring channels."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _window_sum(x, n):
    """Sums channels ``c - n // 2 .. c + n // 2`` (clipped) at each ``c``.

    The channel axis is zero-padded by ``n // 2`` on both sides; the window
    sum is then the sum of ``2 * (n // 2) + 1`` shifted views.
    """
    xp = backend.get_array_module(x)
    reach = n // 2
    n_chan = x.shape[1]
    pad = [(0, 0)] * x.ndim
    pad[1] = (reach, reach)
    padded = xp.pad(x, pad)
    total = padded[:, :n_chan].copy()
    for shift in range(1, 2 * reach + 1):
        total += padded[:, shift:shift + n_chan]
    return total


class _ChannelWindowSum(function_node.FunctionNode):

    # The window is symmetric, so this linear map is its own adjoint.

    def __init__(self, n):
        self.n = n

    def forward(self, inputs):
        return _window_sum(inputs[0], self.n),

    def backward(self, indexes, grad_outputs):
        return _ChannelWindowSum(self.n).apply(grad_outputs)


class LocalResponseNormalization(function_node.FunctionNode):

    """Divides each channel by a power of its neighbours' energy."""

    def __init__(self, n=5, k=2, alpha=1e-4, beta=.75):
        self.n = n
        self.k = k
        self.alpha = alpha
        self.beta = beta

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        unit_scale = self.k + self.alpha * _window_sum(xp.square(x), self.n)
        return x * unit_scale ** -self.beta,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        window_sum = _ChannelWindowSum(self.n)
        unit_scale = self.k + self.alpha * window_sum.apply((x * x,))[0]
        scale = unit_scale ** -self.beta
        y = x * scale
        summand = y * gy / unit_scale
        # y_i = x_i s_i^-beta with s_i = k + alpha sum_window x_j^2, so
        # gx_j = gy_j s_j^-beta - 2 alpha beta x_j sum_window y_i gy_i / s_i.
        spread = _ChannelWindowSum(self.n).apply((summand,))[0]
        return gy * scale - (2 * self.alpha * self.beta) * x * spread,


def local_response_normalization(x, n=5, k=2, alpha=1e-4, beta=.75):
    """Local response normalization over a window of channels.

    .. math::
        y_i = \\frac{x_i}{\\left(k + \\alpha \\sum_{j=\\max(1, i - n/2)}
        ^{\\min(N, i + n/2)} x_j^2\\right)^\\beta},

    where :math:`N` is the number of channels (axis 1) and :math:`n/2` is
    rounded down.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, C, ...)``.
        n (int): Width of the channel window (``n // 2`` on each side).
        k (float): Constant added inside the denominator.
        alpha (float): Weight of the windowed sum of squares.
        beta (float): Exponent of the denominator.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.ones((1, 3), np.float32)
        >>> F.local_response_normalization(x, n=3, k=1, alpha=1, beta=1).array
        array([[0.33333334, 0.25      , 0.33333334]], dtype=float32)

    Introduced with AlexNet (Krizhevsky et al., 2012, section 3.3;
    https://papers.nips.cc/paper/4824).
    """
    node = LocalResponseNormalization(n=n, k=k, alpha=alpha, beta=beta)
    return node.apply((x,))[0]
