"""Gradient noise as an optimizer hook."""
import numpy

from chainer_lite import backend


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
    std = numpy.sqrt(hook.eta / numpy.power(1 + opt.t, 0.55))
    return xp.random.normal(0, std, shape).astype(dtype)


class GradientNoise(object):
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
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, eta, noise_func=exponential_decay_noise):
        self.eta = eta
        self.noise_func = noise_func

    def __call__(self, rule, param):
        g = param.grad
        if g is None:
            return
        xp = backend.get_array_module(g)
        with backend.using_device(param.device):
            g += self.noise_func(xp, g.shape, g.dtype, self, rule)
