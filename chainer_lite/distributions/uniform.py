"""The continuous uniform distribution on an interval."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import where
from chainer_lite.functions.math import clip
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import sqrt
from chainer_lite import utils
from chainer_lite.utils import argument
from chainer_lite.utils import cache


class Uniform(distribution.Distribution):

    """Uniform distribution.

    The density is :math:`1 / (h - l)` on :math:`[l, h]` and 0 elsewhere.
    The interval is given by its bounds or by its start and length; all
    arguments are keyword only.

    Args:
        low (:class:`~chainer.Variable` or :ref:`ndarray`): The lower bound
            :math:`l`.
        high (:class:`~chainer.Variable` or :ref:`ndarray`): The upper bound
            :math:`h`.
        loc (:class:`~chainer.Variable` or :ref:`ndarray`): The lower bound
            :math:`l`, given with ``scale`` instead of ``low`` and ``high``.
        scale (:class:`~chainer.Variable` or :ref:`ndarray`): The length
            :math:`h - l`.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Uniform(low=np.array([0.], np.float32),
        ...               high=np.array([4.], np.float32))
        >>> d.entropy.array
        array([1.3862944], dtype=float32)
    """

    def __init__(self, **kwargs):
        names = ('low', 'high', 'loc', 'scale')
        given = dict(zip(names, argument.parse_kwargs(
            kwargs, *[(name, None) for name in names])))
        # A pair counts only when both of its values are given.
        self._use_low_high, self._use_loc_scale = (
            given[a] is not None and given[b] is not None
            for a, b in (('low', 'high'), ('loc', 'scale')))
        if self._use_low_high == self._use_loc_scale:
            raise ValueError(
                'Either `low, high` or `loc, scale` (not both) must have a '
                'value.')
        chosen = ('low', 'high') if self._use_low_high else ('loc', 'scale')
        self._args = {name: given[name] for name in chosen}

    # Each end point is either given or derived from the other pair.

    @cache.cached_property
    def low(self):
        return dist_utils._given_or(
            self._args.get('low'), lambda: self.loc)

    @cache.cached_property
    def high(self):
        return dist_utils._given_or(
            self._args.get('high'), lambda: self.loc + self.scale)

    @cache.cached_property
    def loc(self):
        return dist_utils._given_or(
            self._args.get('loc'), lambda: self.low)

    @cache.cached_property
    def scale(self):
        return dist_utils._given_or(
            self._args.get('scale'), lambda: self.high - self.low)

    @property
    def batch_shape(self):
        return self.low.shape

    @property
    def event_shape(self):
        return ()

    def cdf(self, x):
        fraction = (x - self.loc) / self.scale
        return clip.clip(fraction, 0., 1.)

    @cache.cached_property
    def entropy(self):
        return exponential.log(self.scale)

    def icdf(self, x):
        return x * self.scale + self.loc

    def log_prob(self, x):
        x = chainer_lite.as_variable(x)
        xp = backend.get_array_module(x)
        logp = broadcast.broadcast_to(-exponential.log(self.scale), x.shape)
        inside = utils.force_array(
            (x.array >= self.low.array) & (x.array <= self.high.array))
        return where.where(inside, logp, xp.array(-xp.inf, logp.dtype))

    @cache.cached_property
    def mean(self):
        return (self.high + self.low) / 2

    @property
    def params(self):
        if self._use_low_high:
            return {'low': self.low, 'high': self.high}
        return {'loc': self.loc, 'scale': self.scale}

    def sample_n(self, n):
        xp = backend.get_array_module(self.low)
        eps = xp.random.uniform(
            0, 1, (n,) + self.low.shape).astype(self.low.dtype)
        return self.icdf(eps)

    @cache.cached_property
    def stddev(self):
        return sqrt.sqrt(self.variance)

    @property
    def support(self):
        return '[low, high]'

    @cache.cached_property
    def variance(self):
        return self.scale ** 2 / 12


@distribution.register_kl(Uniform, Uniform)
def _kl_uniform_uniform(dist1, dist2):
    xp = backend.get_array_module(dist1.low)
    # Infinite unless [low1, high1] lies inside [low2, high2].
    outside = utils.force_array(
        (dist1.high.array > dist2.high.array)
        | (dist1.low.array < dist2.low.array))
    kl = (exponential.log(dist2.high - dist2.low)
          - exponential.log(dist1.high - dist1.low))
    return where.where(outside, xp.array(xp.inf, kl.dtype), kl)
