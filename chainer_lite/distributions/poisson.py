"""The Poisson distribution over non-negative integers."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite import utils
from chainer_lite.utils import cache


class Poisson(distribution.Distribution):

    """Poisson distribution.

    :math:`P(x; \\lambda) = \\frac{\\lambda^x e^{-\\lambda}}{x!}`. The
    log-gamma function :meth:`log_prob` needs on CPU comes from SciPy.

    Args:
        lam (:class:`~chainer.Variable` or :ref:`ndarray`): The rate
            :math:`\\lambda`.
    """

    def __init__(self, lam):
        super(Poisson, self).__init__()
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

    def log_prob(self, x):
        # The points carry no gradient: they are counts.
        x = utils.force_array(chainer_lite.as_array(x).astype(self.lam.dtype))
        log_factorial = lgamma.lgamma(utils.force_array(x + 1))
        return x * self._log_lam - log_factorial - self.lam

    @cache.cached_property
    def mean(self):
        return self.lam

    @property
    def params(self):
        return {'lam': self.lam}

    def sample_n(self, n):
        xp = backend.get_array_module(self.lam)
        eps = xp.random.poisson(self.lam.array, size=(n,) + self.batch_shape)
        return chainer_lite.Variable(eps.astype(self.lam.dtype))

    @property
    def support(self):
        return 'non negative integer'

    @cache.cached_property
    def variance(self):
        return self.lam


@distribution.register_kl(Poisson, Poisson)
def _kl_poisson_poisson(dist1, dist2):
    return (dist1.lam * (dist1._log_lam - dist2._log_lam)
            - dist1.lam + dist2.lam)
