"""The normal (Gaussian) distribution."""
import math

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import log_ndtr
from chainer_lite.functions.math import ndtr
from chainer_lite.functions.math import ndtri
from chainer_lite.utils import argument
from chainer_lite.utils import cache

ENTROPYC = 0.5 * math.log(2 * math.pi * math.e)
LOGPROBC = -0.5 * math.log(2 * math.pi)
PROBC = 1. / (2 * math.pi) ** 0.5


class Normal(distribution.Distribution):

    """Normal distribution.

    The density is

    .. math::
        p(x; \\mu, \\sigma) = \\frac{1}{\\sqrt{2\\pi\\sigma^2}}
            \\exp\\left(-\\frac{(x - \\mu)^2}{2\\sigma^2}\\right).

    :meth:`icdf` and :meth:`log_cdf` / :meth:`log_survival_function` use
    ``ndtri`` and ``log_ndtr``, which need SciPy on CPU.

    Args:
        loc (:class:`~chainer.Variable` or :ref:`ndarray`): The mean
            :math:`\\mu`.
        scale (:class:`~chainer.Variable` or :ref:`ndarray`): The standard
            deviation :math:`\\sigma`. Give either ``scale`` or
            ``log_scale``, not both.
        log_scale (:class:`~chainer.Variable` or :ref:`ndarray`):
            :math:`\\log \\sigma` (keyword only).

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Normal(np.array([0.], np.float32),
        ...              log_scale=np.array([0.], np.float32))
        >>> d.log_prob(np.array([0.], np.float32)).array
        array([-0.9189385], dtype=float32)
    """

    def __init__(self, loc, scale=None, **kwargs):
        super(Normal, self).__init__()
        log_scale, = argument.parse_kwargs(kwargs, ('log_scale', None))
        dist_utils._check_exactly_one(scale, log_scale, ('scale', 'log_scale'))
        self._args = {'loc': loc, 'scale': scale, 'log_scale': log_scale}

    @cache.cached_property
    def loc(self):
        return chainer_lite.as_variable(self._args['loc'])

    @cache.cached_property
    def scale(self):
        return dist_utils._given_or(
            self._args['scale'], lambda: exponential.exp(self.log_scale))

    @cache.cached_property
    def log_scale(self):
        return dist_utils._given_or(
            self._args['log_scale'], lambda: exponential.log(self.scale))

    @property
    def batch_shape(self):
        return self.loc.shape

    @property
    def event_shape(self):
        return ()

    def _standardize(self, x):
        return (x - self.loc) / self.scale

    def cdf(self, x):
        return ndtr.ndtr(self._standardize(x))

    @cache.cached_property
    def entropy(self):
        return self.log_scale + ENTROPYC

    def icdf(self, x):
        return self.loc + self.scale * ndtri.ndtri(x)

    def log_cdf(self, x):
        return log_ndtr.log_ndtr(self._standardize(x))

    def log_prob(self, x):
        return (LOGPROBC - self.log_scale
                - 0.5 * (x - self.loc) ** 2 / self.variance)

    def log_survival_function(self, x):
        return log_ndtr.log_ndtr(-self._standardize(x))

    @cache.cached_property
    def mean(self):
        return self.loc

    @property
    def params(self):
        return {'loc': self.loc, 'scale': self.scale}

    def prob(self, x):
        return (PROBC / self.scale) * exponential.exp(
            -0.5 * (x - self.loc) ** 2 / self.variance)

    def sample_n(self, n):
        dtype = self.loc.dtype
        xp = backend.get_array_module(self.loc)
        shape = (n,) + self.loc.shape
        if xp is numpy:
            # float64 draws from the global NumPy generator, then cast.
            eps = numpy.random.standard_normal(size=shape)
            eps = eps.astype(dtype)
        else:
            # cuRAND draws float32 or float64 only.
            eps = xp.random.standard_normal(
                shape, dtype=numpy.promote_types(dtype, numpy.float32)
            ).astype(dtype, copy=False)
        # loc + scale * eps is differentiable in the parameters.
        return self.loc + self.scale * eps

    @cache.cached_property
    def stddev(self):
        return self.scale

    @property
    def support(self):
        return 'real'

    def survival_function(self, x):
        return ndtr.ndtr(-self._standardize(x))

    @cache.cached_property
    def variance(self):
        return self.scale ** 2


@distribution.register_kl(Normal, Normal)
def _kl_normal_normal(dist1, dist2):
    return (dist2.log_scale - dist1.log_scale
            + 0.5 * (dist1.variance + (dist1.loc - dist2.loc) ** 2)
            / dist2.variance
            - 0.5)
