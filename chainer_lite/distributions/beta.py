"""The beta distribution on the unit interval."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.array import where
from chainer_lite.functions.math import digamma
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite.functions.math import logarithm_1p
from chainer_lite import utils
from chainer_lite.utils import cache


def _lbeta(a, b):
    # log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b)
    numerator = lgamma.lgamma(a) + lgamma.lgamma(b)
    return numerator - lgamma.lgamma(a + b)


class Beta(distribution.Distribution):

    """Beta distribution.

    The density is

    .. math::
        f(x) = \\frac{x^{\\alpha-1}(1-x)^{\\beta-1}}{B(\\alpha,\\beta)}

    for :math:`0 < x < 1`, with :math:`\\alpha, \\beta > 0`. The
    log-gamma and digamma functions it needs on CPU come from SciPy.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The parameter
            :math:`\\alpha`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The parameter
            :math:`\\beta`, of the same shape.
    """

    def __init__(self, a, b):
        super(Beta, self).__init__()
        self._args = {'a': a, 'b': b}

    a = dist_utils._parameter('a')
    b = dist_utils._parameter('b')

    @cache.cached_property
    def _a_plus_b(self):
        return self.a + self.b

    @property
    def batch_shape(self):
        return self.a.shape

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        a, b, apb = self.a, self.b, self._a_plus_b
        return (_lbeta(a, b)
                - (a - 1) * digamma.digamma(a)
                - (b - 1) * digamma.digamma(b)
                + (apb - 2) * digamma.digamma(apb))

    def log_prob(self, x):
        x = chainer_lite.as_variable(x)
        logp = ((self.a - 1) * exponential.log(x)
                + (self.b - 1) * logarithm_1p.log1p(-x)
                - _lbeta(self.a, self.b))
        xp = logp.xp
        inside = utils.force_array((x.array >= 0) & (x.array <= 1))
        return where.where(inside, logp, xp.array(-xp.inf, logp.dtype))

    @cache.cached_property
    def mean(self):
        return self.a / self._a_plus_b

    @property
    def params(self):
        return {'a': self.a, 'b': self.b}

    def sample_n(self, n):
        xp = backend.get_array_module(self.a)
        eps = xp.random.beta(self.a.array, self.b.array,
                             size=(n,) + self.a.shape)
        return chainer_lite.Variable(eps.astype(self.a.dtype))

    @property
    def support(self):
        return '[0, 1]'

    @cache.cached_property
    def variance(self):
        apb = self._a_plus_b
        return self.a * self.b / apb ** 2 / (apb + 1)


@distribution.register_kl(Beta, Beta)
def _kl_beta_beta(dist1, dist2):
    apb1 = dist1._a_plus_b
    apb2 = dist2._a_plus_b
    return (_lbeta(dist2.a, dist2.b) - _lbeta(dist1.a, dist1.b)
            + (dist1.a - dist2.a) * digamma.digamma(dist1.a)
            + (dist1.b - dist2.b) * digamma.digamma(dist1.b)
            + (apb2 - apb1) * digamma.digamma(apb1))
