"""Gradient noise as an optimizer hook."""
import numpy

from chainer_lite.optimizer_hooks import _per_param


def exponential_decay_noise(xp, shape, dtype, hook, opt):
    """Gaussian noise whose variance anneals as ``eta / (1 + t) ** 0.55``.

    This is the schedule of `Adding Gradient Noise Improves Learning for Very
    Deep Networks <https://arxiv.org/abs/1511.06807>`_.

    Args:
        xp: Array module (:mod:`numpy` or :mod:`cupy`).
        shape (tuple of int): Shape of the noise.
        dtype: Dtype of the noise.
        hook (GradientNoise): The hook (gives ``eta``).
        opt: Object whose ``t`` is the step count (the update rule).

    Returns:
        The noise array.
    """
    # sigma_t^2 = eta / (1 + t)^0.55, with t the step count of ``opt``.
    sigma = numpy.sqrt(hook.eta / numpy.power(1 + opt.t, 0.55))
    noise = xp.random.normal(0, sigma, shape)
    return noise.astype(dtype)


class GradientNoise(_per_param.PerParameterHook):
    """Hook adding noise from ``noise_func`` to every gradient.

    By default the noise is Gaussian with variance
    :math:`\\eta / (1 + t)^{0.55}` (see :func:`exponential_decay_noise`).

    Args:
        eta (float): Scale of the noise (0.01, 0.3 or 1.0 are the usual
            choices for the default schedule).
        noise_func (callable): Called as
            ``noise_func(xp, shape, dtype, hook, rule)``; returns the noise.

    Attributes:
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): ``True``: called as ``hook(rule, param)``
            for each parameter.
    """

    name = 'GradientNoise'
    needs_data = False  # only the gradient is used

    def __init__(self, eta, noise_func=exponential_decay_noise):
        self.eta = eta
        self.noise_func = noise_func

    def _adjust(self, rule, param, grad, xp):
        # The rule stands in for the optimizer: its ``t`` is the step.
        grad += self.noise_func(xp, grad.shape, grad.dtype, self, rule)
