"""The log-normal distribution: ``exp`` of a normal variable."""
import math

from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import exponential
from chainer_lite.utils import cache

LOGPROBC = -0.5 * math.log(2 * math.pi)


class LogNormal(distribution.Distribution):

    """Log-normal distribution.

    The density is

    .. math::
        p(x; \\mu, \\sigma) = \\frac{1}{\\sqrt{2\\pi\\sigma^2} x}
            \\exp\\left(-\\frac{(\\log x - \\mu)^2}{2\\sigma^2}\\right).

    Args:
        mu (:class:`~chainer.Variable` or :ref:`ndarray`): The mean
            :math:`\\mu` of :math:`\\log x`.
        sigma (:class:`~chainer.Variable` or :ref:`ndarray`): The standard
            deviation :math:`\\sigma` of :math:`\\log x`.
    """

    def __init__(self, mu, sigma):
        self._args = {'mu': mu, 'sigma': sigma}

    mu = dist_utils._parameter('mu')
    sigma = dist_utils._parameter('sigma')

    @cache.cached_property
    def _log_sigma(self):
        return exponential.log(self.sigma)

    @property
    def batch_shape(self):
        return self.mu.shape

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        return 0.5 - LOGPROBC + self._log_sigma + self.mu

    def log_prob(self, x):
        logx = exponential.log(x)
        return (LOGPROBC - self._log_sigma - logx
                - 0.5 * (logx - self.mu) ** 2 / self.sigma ** 2)

    @cache.cached_property
    def mean(self):
        # exp(mu + sigma^2 / 2)
        return exponential.exp(self.mu + self.sigma ** 2 / 2)

    @property
    def params(self):
        return {'mu': self.mu, 'sigma': self.sigma}

    def sample_n(self, n):
        xp = backend.get_array_module(self.mu)
        eps = xp.random.standard_normal(
            (n,) + self.mu.shape).astype(self.mu.dtype)
        return exponential.exp(self.mu + self.sigma * eps)

    @property
    def support(self):
        return 'positive'

    @cache.cached_property
    def variance(self):
        sigma2 = self.sigma ** 2
        return (exponential.exp(2 * self.mu + sigma2)
                * (exponential.exp(sigma2) - 1))


@distribution.register_kl(LogNormal, LogNormal)
def _kl_log_normal_log_normal(dist1, dist2):
    return (0.5 * ((dist1.mu - dist2.mu) ** 2 + dist1.sigma ** 2)
            / dist2.sigma ** 2
            - 0.5 + dist2._log_sigma - dist1._log_sigma)
