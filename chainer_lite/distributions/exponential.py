"""The exponential distribution with rate ``lam``."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.array import where
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import exponential_m1
from chainer_lite.functions.math import logarithm_1p
from chainer_lite import utils
from chainer_lite.utils import cache


class Exponential(distribution.Distribution):

    """Exponential distribution.

    The density is :math:`p(x; \\lambda) = \\lambda e^{-\\lambda x}` for
    :math:`x \\ge 0`.

    Args:
        lam (:class:`~chainer.Variable` or :ref:`ndarray`): The rate
            :math:`\\lambda`.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Exponential(np.array([2.], np.float32))
        >>> d.mean.array
        array([0.5], dtype=float32)
    """

    def __init__(self, lam):
        super(Exponential, self).__init__()
        self._args = {'lam': lam}

    lam = dist_utils._parameter('lam')

    @cache.cached_property
    def _log_lam(self):
        return exponential.log(self.lam)

    @property
    def batch_shape(self):
        return self.lam.shape

    @property
    def event_shape(self):
        return ()

    def cdf(self, x):
        return -exponential_m1.expm1(-self.lam * x)

    @cache.cached_property
    def entropy(self):
        return 1 - self._log_lam

    def icdf(self, x):
        x = chainer_lite.as_variable(x)
        return -logarithm_1p.log1p(-x) / self.lam

    def log_prob(self, x):
        logp = self._log_lam - self.lam * x
        xp = logp.xp
        nonnegative = utils.force_array(chainer_lite.as_array(x) >= 0)
        return where.where(nonnegative, logp,
                           xp.array(-xp.inf, logp.dtype))

    @cache.cached_property
    def mean(self):
        return 1 / self.lam

    @property
    def params(self):
        return {'lam': self.lam}

    def sample_n(self, n):
        xp = backend.get_array_module(self.lam)
        eps = xp.random.standard_exponential(
            (n,) + self.lam.shape).astype(self.lam.dtype)
        return eps / self.lam

    @property
    def support(self):
        return 'positive'

    @cache.cached_property
    def variance(self):
        return self.mean ** 2


@distribution.register_kl(Exponential, Exponential)
def _kl_exponential_exponential(dist1, dist2):
    return dist1._log_lam - dist2._log_lam + dist2.lam / dist1.lam - 1.
