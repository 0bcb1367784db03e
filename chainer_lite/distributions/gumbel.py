"""The Gumbel (type-I extreme value) distribution."""
import math

import numpy

from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import lgamma
from chainer_lite.utils import cache

# The Euler-Mascheroni constant: the mean of the standard Gumbel.
EULER = numpy.euler_gamma


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
        self._args = {'loc': loc, 'scale': scale}

    loc = dist_utils._parameter('loc')
    scale = dist_utils._parameter('scale')

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
    # With r = s1 / s2 and d = (mu1 - mu2) / s2:
    # log s2 - log s1 + gamma (r - 1) + exp(lgamma(r + 1) - d) - 1 + d.
    # The log-gamma term needs SciPy on CPU.
    r = dist1.scale / dist2.scale
    d = (dist1.loc - dist2.loc) / dist2.scale
    return (dist2._log_scale - dist1._log_scale + EULER * (r - 1.)
            + exponential.exp(lgamma.lgamma(r + 1.) - d) - 1 + d)
