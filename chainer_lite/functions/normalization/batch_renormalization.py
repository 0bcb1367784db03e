"""Batch renormalization: batch normalization corrected towards the running
statistics."""
import warnings

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import function_node
from chainer_lite.functions.normalization import batch_normalization
from chainer_lite.utils import type_check


class BatchRenormalizationFunction(function_node.FunctionNode):

    """Batch renormalization of ``(x, gamma, beta)`` (training mode only).

    The correction factors ``r`` and ``d`` are treated as constants in
    backward, as in the paper.
    """

    def __init__(self, eps=2e-5, mean=None, var=None, decay=0.9,
                 rmax=1, dmax=0, update_statistics=True):
        self._running_mean = mean
        self._running_var = var
        self.rmax = rmax
        self.dmax = dmax
        self.r = None
        self.update_statistics = update_statistics
        self.eps = eps
        self.decay = decay

    def _warn_accessing_property(self):
        warnings.warn(
            'The attributes of BatchRenormalizationFunction '
            'are deprecated. '
            'Consider setting update_statistics=True to '
            'batch_renormalization to update running statistics.',
            DeprecationWarning)

    @property
    def running_mean(self):
        self._warn_accessing_property()
        return self._running_mean

    @property
    def running_var(self):
        self._warn_accessing_property()
        return self._running_var

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, gamma_type, beta_type = in_types
        M = type_check.eval(gamma_type.ndim)
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= gamma_type.ndim + 1,
            x_type.shape[1:1 + M] == gamma_type.shape,
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            gamma_type.shape == beta_type.shape,
        )

    def forward(self, inputs):
        assert configuration.config.train
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        xp = backend.get_array_module(x)
        layout = batch_normalization._ChannelLayout(x.ndim, gamma.ndim, None)
        self.axis = layout.reduced
        self.key_axis = layout.channels
        self.expander = ex = layout.expander

        stat_dtype = gamma.dtype
        mean = x.mean(axis=self.axis, dtype=stat_dtype)
        var = x.var(axis=self.axis, dtype=stat_dtype)
        std = xp.sqrt(var + self.eps, dtype=stat_dtype)
        # Corrections towards the running statistics, held constant.
        ref_std = xp.sqrt(self._running_var + self.eps,
                          dtype=self._running_mean.dtype)
        self.r = xp.clip(std / ref_std, 1.0 / self.rmax, self.rmax)
        self.d = xp.clip((mean - self._running_mean) / ref_std,
                         -self.dmax, self.dmax)
        self.mean = mean
        self.inv_std = 1 / std
        scale = gamma * self.r / std
        shift = beta + gamma * self.d
        y = (x - mean[ex]) * scale[ex] + shift[ex]

        if self.update_statistics:
            n = x.size // gamma.size
            unbiased = var * (n / max(n - 1., 1.))
            keep = self.decay
            for running, batch in ((self._running_mean, mean),
                                   (self._running_var, unbiased)):
                running *= keep
                running += (1 - keep) * batch
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        gy, = grad_outputs
        # With r and d fixed, y is a batch normalization with scale
        # gamma * r, whose gradients give those of x; the gamma gradient is
        # sum(gy * (r x_hat + d)).
        grad = batch_normalization.BatchNormalizationGrad(
            self.eps, self.expander, self.axis, self.mean, self.inv_std,
            self.key_axis)
        gx, ggamma_hat, gbeta = grad.apply((x, gamma * self.r, gy))
        ggamma = ggamma_hat * self.r + gbeta * self.d
        return gx, ggamma, gbeta


def batch_renormalization(x, gamma, beta, rmax, dmax, eps=2e-5,
                          running_mean=None, running_var=None, decay=0.9,
                          update_statistics=False):
    """Batch renormalization (training mode).

    This is batch normalization where the normalized input is corrected
    with :math:`r = \\mathrm{clip}(\\sigma_B / \\sigma, 1/r_{max},
    r_{max})` and :math:`d = \\mathrm{clip}((\\mu_B - \\mu) / \\sigma,
    -d_{max}, d_{max})`, using the running statistics :math:`\\mu,
    \\sigma`: :math:`y = \\gamma (\\hat{x} r + d) + \\beta`. ``r`` and ``d``
    get no gradient.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Batch to
            normalize, of shape ``(N, *gamma.shape, ...)``.
        gamma (:class:`~chainer.Variable` or :ref:`ndarray`): Scale.
        beta (:class:`~chainer.Variable` or :ref:`ndarray`): Shift.
        rmax (float): Upper bound of ``r``.
        dmax (float): Upper bound of ``|d|``.
        eps (float): Added to the variances for numerical stability.
        running_mean (:ref:`ndarray`): Running mean (required).
        running_var (:ref:`ndarray`): Running variance (required).
        decay (float): Decay rate of the running averages.
        update_statistics (bool): Update the running statistics in place.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1, 2], [3, 6]], np.float32)
        >>> one, zero = np.ones(2, np.float32), np.zeros(2, np.float32)
        >>> y = F.batch_renormalization(x, one, zero, 1, 0, eps=0.0,
        ...     running_mean=zero.copy(), running_var=one.copy())
        >>> y.array
        array([[-1., -1.],
               [ 1.,  1.]], dtype=float32)

    See: `Batch Renormalization <https://arxiv.org/abs/1702.03275>`_
    """
    if running_mean is None:
        raise TypeError('running_mean is required')
    if running_var is None:
        raise TypeError('running_var is required')
    node = BatchRenormalizationFunction(
        eps=eps, mean=running_mean, var=running_var, decay=decay, rmax=rmax,
        dmax=dmax, update_statistics=update_statistics)
    return node.apply((x, gamma, beta))[0]


def fixed_batch_renormalization(x, gamma, beta, mean, var, eps=2e-5):
    """Deprecated: batch renormalization with fixed statistics.

    It equals :func:`~chainer.functions.fixed_batch_normalization`; use that
    instead.

    Args:
        x, gamma, beta, mean, var: As for
            :func:`~chainer.functions.fixed_batch_normalization`.
        eps (float): Added to the variance for numerical stability.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.
    """
    warnings.warn(
        'fixed_batch_renormalization is deprecated. '
        'Use fixed_batch_normalization instead.',
        DeprecationWarning)
    with configuration.using_config('train', False):
        y = batch_normalization.fixed_batch_normalization(
            x, gamma, beta, mean, var, eps)
    return y
