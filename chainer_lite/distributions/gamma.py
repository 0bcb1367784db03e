"""The gamma distribution with shape ``k`` and scale ``theta``."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import where
from chainer_lite.functions.math import digamma
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite import utils
from chainer_lite.utils import cache


class Gamma(distribution.Distribution):

    """Gamma distribution.

    The density is

    .. math::
        p(x; k, \\theta) = \\frac{x^{k-1} e^{-x/\\theta}}
            {\\Gamma(k) \\theta^k}

    for :math:`x \\ge 0`. The log-gamma and digamma functions it needs on
    CPU come from SciPy.

    Args:
        k (:class:`~chainer.Variable` or :ref:`ndarray`): The shape
            parameter :math:`k`.
        theta (:class:`~chainer.Variable` or :ref:`ndarray`): The scale
            parameter :math:`\\theta`.
    """

    def __init__(self, k, theta):
        super(Gamma, self).__init__()
        self._args = {'k': k, 'theta': theta}

    k = dist_utils._parameter('k')
    theta = dist_utils._parameter('theta')

    @property
    def batch_shape(self):
        return self.k.shape

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        k = self.k
        return (k + exponential.log(self.theta) + lgamma.lgamma(k)
                + (1 - k) * digamma.digamma(k))

    def log_prob(self, x):
        k, theta = self.k, self.theta
        logp = ((k - 1) * exponential.log(x) - x / theta
                - lgamma.lgamma(k) - k * exponential.log(theta))
        xp = logp.xp
        nonnegative = utils.force_array(chainer_lite.as_array(x) >= 0)
        return where.where(nonnegative, logp,
                           xp.array(-xp.inf, logp.dtype))

    @cache.cached_property
    def mean(self):
        return self.k * self.theta

    @property
    def params(self):
        return {'k': self.k, 'theta': self.theta}

    def sample_n(self, n):
        xp = backend.get_array_module(self.k)
        eps = xp.random.gamma(
            self.k.array, size=(n,) + self.batch_shape).astype(self.k.dtype)
        # Gamma(k, theta) is theta times Gamma(k, 1): differentiable in theta.
        return broadcast.broadcast_to(self.theta, eps.shape) * eps

    @property
    def support(self):
        return 'positive'

    @cache.cached_property
    def variance(self):
        return self.mean * self.theta


@distribution.register_kl(Gamma, Gamma)
def _kl_gamma_gamma(dist1, dist2):
    return ((dist1.k - dist2.k) * digamma.digamma(dist1.k)
            - lgamma.lgamma(dist1.k) + lgamma.lgamma(dist2.k)
            + dist2.k * (exponential.log(dist2.theta)
                         - exponential.log(dist1.theta))
            + dist1.k * (dist1.theta / dist2.theta - 1))
