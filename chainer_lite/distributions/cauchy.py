"""The Cauchy (Lorentz) distribution."""
import math
import warnings

import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import trigonometric
from chainer_lite.utils import cache


def _cauchy_icdf(x):
    # The quantile function of the standard Cauchy distribution.
    x = chainer_lite.as_variable(x)
    return trigonometric.tan((x - 0.5) * math.pi)


class Cauchy(distribution.Distribution):

    """Cauchy distribution.

    The density is

    .. math::
        p(x; x_0, \\gamma) = \\frac{1}{\\pi}
            \\frac{\\gamma}{(x - x_0)^2 + \\gamma^2}.

    Its mean and variance do not exist: :attr:`mean` and :attr:`variance`
    are NaN and warn.

    Args:
        loc (:class:`~chainer.Variable` or :ref:`ndarray`): The location
            :math:`x_0`.
        scale (:class:`~chainer.Variable` or :ref:`ndarray`): The scale
            :math:`\\gamma`.
    """

    def __init__(self, loc, scale):
        super(Cauchy, self).__init__()
        self._args = {'loc': loc, 'scale': scale}

    loc = dist_utils._parameter('loc')
    scale = dist_utils._parameter('scale')

    @property
    def batch_shape(self):
        return self.loc.shape

    @property
    def event_shape(self):
        return ()

    def cdf(self, x):
        return (trigonometric.arctan((x - self.loc) / self.scale) / math.pi
                + 0.5)

    @cache.cached_property
    def entropy(self):
        return exponential.log(4 * math.pi * self.scale)

    def icdf(self, x):
        return self.loc + self.scale * _cauchy_icdf(x)

    def log_prob(self, x):
        return (exponential.log(self.scale) - math.log(math.pi)
                - exponential.log((x - self.loc) ** 2 + self.scale ** 2))

    def _undefined(self, what):
        warnings.warn(
            '{} of the cauchy distribution is undefined.'.format(what),
            RuntimeWarning)
        xp = backend.get_array_module(self.loc)
        return chainer_lite.as_variable(xp.full_like(self.loc.array, xp.nan))

    @cache.cached_property
    def mean(self):
        return self._undefined('Mean')

    @property
    def params(self):
        return {'loc': self.loc, 'scale': self.scale}

    def sample_n(self, n):
        xp = backend.get_array_module(self.loc)
        eps = xp.random.standard_cauchy(
            (n,) + self.loc.shape).astype(self.loc.dtype)
        return self.scale * eps + self.loc

    @property
    def support(self):
        return 'real'

    @cache.cached_property
    def variance(self):
        return self._undefined('Variance')
