"""The geometric distribution: the number of trials up to the first success."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import logarithm_1p
from chainer_lite.utils import cache


class Geometric(distribution.Distribution):

    """Geometric distribution.

    :math:`P(x = k) = p(1-p)^{k-1}` for :math:`k = 1, 2, 3, \\dots`

    Args:
        p (:class:`~chainer.Variable` or :ref:`ndarray`): The probability of
            success of each trial.
    """

    def __init__(self, p):
        super(Geometric, self).__init__()
        self._args = {'p': p}

    p = dist_utils._parameter('p')

    @property
    def batch_shape(self):
        return self.p.shape

    @property
    def event_shape(self):
        return ()

    def log_prob(self, x):
        return (x - 1) * logarithm_1p.log1p(-self.p) + exponential.log(self.p)

    @cache.cached_property
    def mean(self):
        return 1 / self.p

    @property
    def params(self):
        return {'p': self.p}

    def sample_n(self, n):
        xp = backend.get_array_module(self.p)
        eps = xp.random.geometric(self.p.array, size=(n,) + self.batch_shape)
        return chainer_lite.Variable(eps.astype(self.p.dtype))

    @property
    def support(self):
        return 'positive integer'

    @cache.cached_property
    def variance(self):
        return (1 - self.p) / self.p ** 2


@distribution.register_kl(Geometric, Geometric)
def _kl_geometric_geometric(dist1, dist2):
    return ((1 / dist1.p - 1)
            * (logarithm_1p.log1p(-dist1.p) - logarithm_1p.log1p(-dist2.p))
            + exponential.log(dist1.p) - exponential.log(dist2.p))
