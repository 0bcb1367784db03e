"""Layer normalization: standardize each sample, then scale and shift."""
from chainer_lite import function_node
from chainer_lite.functions.math import sum as _sum
from chainer_lite.functions.normalization import _util
from chainer_lite.utils import type_check


class LayerNormalization(function_node.FunctionNode):

    """Layer normalization of a 2-d ``x`` with per-unit ``gamma`` and
    ``beta``."""

    def __init__(self, eps=1e-5):
        self.eps = eps

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            gamma_type.ndim == 1,
            beta_type.ndim == 1,
            gamma_type.dtype == x_type.dtype,
            beta_type.dtype == x_type.dtype,
            gamma_type.shape == beta_type.shape,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        self.mean, self.inv_std = _util.row_statistics(x, self.eps)
        x_hat = (x - self.mean[:, None]) * self.inv_std[:, None]
        return x_hat * gamma[None] + beta[None],

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        gy, = grad_outputs
        x_hat = _util._XHat(self.eps, self.mean, self.inv_std).apply((x,))[0]
        g_beta = _sum.sum(gy, axis=0)
        g_gamma = _sum.sum(gy * x_hat, axis=0)
        g_x = _util.x_hat_grad(x, x_hat, gy * gamma, self.eps, self.mean,
                               self.inv_std)
        return g_x, g_gamma, g_beta


def layer_normalization(x, gamma, beta, eps=1e-5):
    """Layer normalization.

    Each row of ``x`` (one sample) is normalized to zero mean and unit
    variance over its units, then scaled by ``gamma`` and shifted by
    ``beta``: :math:`y = \\gamma \\frac{x - \\mu}{\\sqrt{\\sigma^2 +
    \\epsilon}} + \\beta`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, M)``.
        gamma (:class:`~chainer.Variable` or :ref:`ndarray`): Scale, of
            shape ``(M,)``.
        beta (:class:`~chainer.Variable` or :ref:`ndarray`): Shift, of
            shape ``(M,)``.
        eps (float): Added to the variance for numerical stability.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1., 3.]], np.float32)
        >>> one, zero = np.ones(2, np.float32), np.zeros(2, np.float32)
        >>> F.layer_normalization(x, one, zero, eps=0.0).array
        array([[-1.,  1.]], dtype=float32)
    """
    node = LayerNormalization(eps=eps)
    return node.apply((x, gamma, beta))[0]
