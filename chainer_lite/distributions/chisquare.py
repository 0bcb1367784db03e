"""The chi-square distribution with ``k`` degrees of freedom."""
import math

import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import digamma
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite.utils import cache


class Chisquare(distribution.Distribution):

    """Chi-square distribution.

    The density is

    .. math::
        p(x; k) = \\frac{1}{2^{k/2}\\Gamma(k/2)} x^{k/2-1} e^{-x/2}.

    The log-gamma and digamma functions it needs on CPU come from SciPy.

    Args:
        k (:class:`~chainer.Variable` or :ref:`ndarray`): The degrees of
            freedom.
    """

    def __init__(self, k):
        super(Chisquare, self).__init__()
        self._args = {'k': k}

    k = dist_utils._parameter('k')

    @cache.cached_property
    def _half_k(self):
        return 0.5 * self.k

    @property
    def batch_shape(self):
        return self.k.shape

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        half_k = self._half_k
        return (half_k + math.log(2.) + lgamma.lgamma(half_k)
                + (1 - half_k) * digamma.digamma(half_k))

    def log_prob(self, x):
        half_k = self._half_k
        return ((half_k - 1) * exponential.log(x) - 0.5 * x
                - half_k * math.log(2.) - lgamma.lgamma(half_k))

    @cache.cached_property
    def mean(self):
        return self.k

    @property
    def params(self):
        return {'k': self.k}

    def sample_n(self, n):
        xp = backend.get_array_module(self.k)
        eps = xp.random.chisquare(self.k.array, (n,) + self.k.shape)
        return chainer_lite.Variable(eps.astype(self.k.dtype))

    @property
    def support(self):
        return 'positive'

    @cache.cached_property
    def variance(self):
        return 2 * self.k
