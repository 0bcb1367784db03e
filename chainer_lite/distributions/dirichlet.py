"""The Dirichlet distribution on the probability simplex."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.array import expand_dims
from chainer_lite.functions.math import digamma
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import cache


def _lbeta(alpha):
    # log of the multivariate beta function along the last axis.
    return (sum_mod.sum(lgamma.lgamma(alpha), axis=-1)
            - lgamma.lgamma(sum_mod.sum(alpha, axis=-1)))


class Dirichlet(distribution.Distribution):

    """Dirichlet distribution.

    The density on the simplex :math:`\\sum_i x_i = 1` is

    .. math::
        p(x) = \\frac{\\Gamma(\\sum_{i=1}^{K} \\alpha_i)}
            {\\prod_{i=1}^{K} \\Gamma (\\alpha_i)}
            \\prod_{i=1}^{K} {x_i}^{\\alpha_i-1}.

    The components run along the last axis, so :attr:`event_shape` is
    ``(K,)``. The log-gamma and digamma functions it needs on CPU come from
    SciPy.

    Args:
        alpha (:class:`~chainer.Variable` or :ref:`ndarray`): The
            concentration parameters :math:`\\alpha`.
    """

    def __init__(self, alpha):
        self._args = {'alpha': alpha}

    alpha = dist_utils._parameter('alpha')

    @cache.cached_property
    def alpha0(self):
        return sum_mod.sum(self.alpha, axis=-1)

    @property
    def batch_shape(self):
        return self.alpha.shape[:-1]

    @property
    def event_shape(self):
        return self.alpha.shape[-1:]

    @cache.cached_property
    def entropy(self):
        k = self.event_shape[0]
        return (_lbeta(self.alpha)
                + (self.alpha0 - k) * digamma.digamma(self.alpha0)
                - sum_mod.sum((self.alpha - 1) * digamma.digamma(self.alpha),
                              axis=-1))

    def log_prob(self, x):
        return (sum_mod.sum((self.alpha - 1) * exponential.log(x), axis=-1)
                - _lbeta(self.alpha))

    @cache.cached_property
    def mean(self):
        return self.alpha / expand_dims.expand_dims(self.alpha0, axis=-1)

    @property
    def params(self):
        return {'alpha': self.alpha}

    def sample_n(self, n):
        # Normalized independent Gamma(alpha_i, 1) draws are Dirichlet.
        xp = backend.get_array_module(self.alpha)
        alpha = self.alpha.array
        gammas = xp.random.standard_gamma(alpha, size=(n,) + alpha.shape)
        eps = gammas / gammas.sum(axis=-1, keepdims=True)
        return chainer_lite.Variable(eps.astype(alpha.dtype))

    @property
    def support(self):
        return '[0, 1]'

    @cache.cached_property
    def variance(self):
        total = expand_dims.expand_dims(self.alpha0, axis=-1)
        return self.alpha * (total - self.alpha) / total ** 2 / (total + 1)


@distribution.register_kl(Dirichlet, Dirichlet)
def _kl_dirichlet_dirichlet(dist1, dist2):
    digamma_alpha0 = expand_dims.expand_dims(
        digamma.digamma(dist1.alpha0), axis=-1)
    return (_lbeta(dist2.alpha) - _lbeta(dist1.alpha)
            + sum_mod.sum((dist1.alpha - dist2.alpha)
                          * (digamma.digamma(dist1.alpha) - digamma_alpha0),
                          axis=-1))
