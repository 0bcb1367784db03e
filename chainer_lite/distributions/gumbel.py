"""The Gumbel (type-I extreme value) distribution."""
import math

import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite.utils import cache

EULER = 0.57721566490153286060651209008240243104215933593992


class Gumbel(distribution.Distribution):

    """Gumbel distribution.

    The density is

    .. math::
        f(x) = \\frac{1}{\\eta}
            \\exp\\left\\{-\\frac{x - \\mu}{\\eta}\\right\\}
            \\exp\\left[-\\exp\\left\\{-\\frac{x - \\mu}{\\eta}\\right\\}
            \\right].

    Args:
        loc (:class:`~chainer.Variable` or :ref:`ndarray`): The location
            :math:`\\mu`.
        scale (:class:`~chainer.Variable` or :ref:`ndarray`): The scale
            :math:`\\eta`.
    """

    def __init__(self, loc, scale):
        super(Gumbel, self).__init__()
        self.__loc = loc
        self.__scale = scale

    @cache.cached_property
    def loc(self):
        return chainer_lite.as_variable(self.__loc)

    @cache.cached_property
    def scale(self):
        return chainer_lite.as_variable(self.__scale)

    @cache.cached_property
    def _log_scale(self):
        return exponential.log(self.scale)

    @property
    def batch_shape(self):
        return self.loc.shape

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        return self._log_scale + (EULER + 1)

    def log_prob(self, x):
        z = (x - self.loc) / self.scale
        return -self._log_scale - z - exponential.exp(-z)

    @cache.cached_property
    def mean(self):
        return self.loc + EULER * self.scale

    @property
    def params(self):
        return {'loc': self.loc, 'scale': self.scale}

    def sample_n(self, n):
        xp = backend.get_array_module(self.loc)
        eps = xp.random.gumbel(
            size=(n,) + self.batch_shape).astype(self.loc.dtype)
        return self.scale * eps + self.loc

    @property
    def support(self):
        return 'real'

    @cache.cached_property
    def variance(self):
        return (math.pi ** 2 / 6) * self.scale ** 2


@distribution.register_kl(Gumbel, Gumbel)
def _kl_gumbel_gumbel(dist1, dist2):
    # The log-gamma term needs SciPy on CPU.
    ratio = dist1.scale / dist2.scale
    return (dist2._log_scale - dist1._log_scale
            + EULER * (ratio - 1.)
            + exponential.exp((dist2.loc - dist1.loc) / dist2.scale
                              + lgamma.lgamma(ratio + 1.))
            - 1
            + (dist1.loc - dist2.loc) / dist2.scale)
