"""Row standardization shared by layer and group normalization.

Each row ``x[r]`` of a 2-d array becomes ``(x[r] - mean_r) * inv_std_r``
with ``inv_std_r = (var_r + eps) ** -0.5``. The statistics are computed once
in forward and passed to the nodes below, which still treat them as
functions of ``x`` so that gradients (of any order) are exact.
"""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import average


def row_statistics(x, eps):
    """Returns the mean and ``1 / sqrt(var + eps)`` of each row of ``x``."""
    xp = backend.get_array_module(x)
    mean = x.mean(axis=1)
    d = x - mean[:, None]
    var = (d * d).mean(axis=1)
    return mean, xp.reciprocal(xp.sqrt(var + eps, dtype=var.dtype))


def _row_mean(v):
    return average.average(v, axis=1, keepdims=True)


def x_hat_grad(x, x_hat, g, eps, mean, inv_std):
    """Gradient of the standardized rows ``x_hat`` with respect to ``x``.

    Args:
        x: The rows (Variable).
        x_hat: Their standardization (Variable built by :class:`_XHat`).
        g: Gradient with respect to ``x_hat``.
        eps, mean, inv_std: The statistics used in forward.

    Returns:
        ~chainer.Variable:
        ``inv_std * (g - mean(g) - x_hat * mean(g * x_hat))``.
    """
    g_std = g - _row_mean(g) - x_hat * _row_mean(g * x_hat)
    return _MulInvStd(eps, mean, inv_std).apply((x, g_std))[0]


class _XHat(function_node.FunctionNode):

    """``x -> (x - mean) * inv_std`` row-wise, for a 2-d ``x``."""

    def __init__(self, eps, mean, inv_std, dummy_gamma=None):
        # dummy_gamma is accepted for Chainer's signature (cuDNN); unused.
        self.eps = eps
        self.mean = mean
        self.inv_std = inv_std

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        return (x - self.mean[:, None]) * self.inv_std[:, None],

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        x_hat = _XHat(self.eps, self.mean, self.inv_std).apply((x,))[0]
        return x_hat_grad(x, x_hat, grad_outputs[0], self.eps, self.mean,
                          self.inv_std),


class _MulInvStd(function_node.FunctionNode):

    """``(x, y) -> inv_std(x) * y`` row-wise; differentiable in both."""

    def __init__(self, eps, mean, inv_std, dummy_gamma=None):
        # dummy_gamma is accepted for Chainer's signature (cuDNN); unused.
        self.eps = eps
        self.mean = mean
        self.inv_std = inv_std

    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        _, y = inputs
        return self.inv_std[:, None].astype(y.dtype, copy=False) * y,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        z, = self.get_retained_outputs()
        gz, = grad_outputs
        ret = []
        if 0 in indexes:
            # d inv_std / d x = -inv_std ** 2 * x_hat / n per row.
            x_hat = _XHat(self.eps, self.mean, self.inv_std).apply((x,))[0]
            gx_std = x_hat * _row_mean(gz * z)
            ret.append(-_MulInvStd(self.eps, self.mean, self.inv_std).apply(
                (x, gx_std))[0])
        if 1 in indexes:
            ret.append(_MulInvStd(self.eps, self.mean, self.inv_std).apply(
                (x, gz))[0])
        return ret
