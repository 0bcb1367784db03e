"""A distribution that reads some batch axes of another as event axes."""
import numpy

from chainer_lite import distribution
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import reshape
from chainer_lite.functions.math import prod
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import array
from chainer_lite.utils import cache


def _folded(name, reducer, is_property=False):
    # A statistic of the base distribution, folded over the reinterpreted
    # axes: summed for log-scale values, multiplied for probabilities.
    base_attr = getattr(distribution.Distribution, name)
    if is_property:
        def stat(self):
            return self._fold(reducer, getattr(self.distribution, name))
        stat.__doc__ = base_attr.__doc__
        return property(stat)

    def method(self, x):
        return self._fold(reducer, getattr(self.distribution, name)(x))
    method.__name__ = name
    method.__doc__ = base_attr.__doc__
    return method


def _trailing_axes(n):
    # (-n, ..., -1): the last ``n`` axes, whatever the rank.
    return tuple(-k for k in range(n, 0, -1))


def _delegated(name):
    # A property answered by the base distribution unchanged.
    def get(self):
        return getattr(self.distribution, name)
    get.__doc__ = getattr(distribution.Distribution, name).__doc__
    return property(get)


class Independent(distribution.Distribution):

    """Distribution that turns batch axes of another into event axes.

    Reinterprets the rightmost ``reinterpreted_batch_ndims`` batch axes of
    ``distribution`` as event axes: the elements along them become the
    independent components of one multivariate event, so that, e.g.,
    :meth:`log_prob` sums over them and :meth:`prob` multiplies.

    Args:
        distribution (~chainer.Distribution): The base distribution.
        reinterpreted_batch_ndims (int): How many rightmost batch axes become
            event axes. ``None`` keeps only the first batch axis (if any) as
            a batch axis.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> base = D.Normal(np.zeros((4, 3), np.float32),
        ...                 np.ones((4, 3), np.float32))
        >>> d = D.Independent(base)
        >>> d.batch_shape, d.event_shape
        ((4,), (3,))
        >>> d.log_prob(np.zeros((4, 3), np.float32)).shape
        (4,)
    """

    def __init__(self, distribution, reinterpreted_batch_ndims=None):
        super(Independent, self).__init__()
        base_batch = distribution.batch_shape
        if reinterpreted_batch_ndims is None:
            # All batch axes but the leading one.
            reinterpreted_batch_ndims = max(len(base_batch) - 1, 0)
        elif reinterpreted_batch_ndims > len(base_batch):
            raise ValueError(
                'reinterpreted_batch_ndims must be less than or equal to the '
                'number of dimensions of `distribution.batch_shape`.')
        split = len(base_batch) - reinterpreted_batch_ndims
        self._base = distribution
        self._n_moved = reinterpreted_batch_ndims
        self._shapes = (base_batch[:split],
                        base_batch[split:] + distribution.event_shape)

    @property
    def distribution(self):
        """~chainer.Distribution: The base distribution."""
        return self._base

    @property
    def reinterpreted_batch_ndims(self):
        """int: The number of batch axes read as event axes."""
        return self._n_moved

    @property
    def batch_shape(self):
        return self._shapes[0]

    @property
    def event_shape(self):
        return self._shapes[1]

    @cache.cached_property
    def covariance(self):
        """The covariance of an event, block diagonal.

        The ``m`` reinterpreted components, each of covariance
        :math:`\\Sigma_i` (``d x d``, from the base distribution), are
        independent, so the covariance of the flattened event is the
        ``md x md`` block diagonal matrix of the :math:`\\Sigma_i`. The base
        distribution must provide :attr:`covariance`.

        Returns:
            ~chainer.Variable: Shape ``batch_shape + (m * d, m * d)``.
        """
        base = self.distribution
        m = array.size_of_shape(
            base.batch_shape[len(self.batch_shape):])
        d = array.size_of_shape(base.event_shape)
        # cov[..., i, a, j, b] = sigma_i[a, b] if i == j else 0
        blocks = reshape.reshape(base.covariance,
                                 self.batch_shape + (m, d, 1, d))
        blocks = broadcast.broadcast_to(blocks,
                                        self.batch_shape + (m, d, m, d))
        xp = self.xp
        same_block = xp.asarray(
            numpy.eye(m).reshape(m, 1, m, 1), dtype=blocks.dtype)
        return reshape.reshape(blocks * same_block,
                               self.batch_shape + (m * d, m * d))

    entropy = _folded('entropy', sum_mod.sum, is_property=True)
    cdf = _folded('cdf', prod.prod)
    log_cdf = _folded('log_cdf', sum_mod.sum)
    log_prob = _folded('log_prob', sum_mod.sum)
    log_survival_function = _folded('log_survival_function', sum_mod.sum)
    perplexity = _folded('perplexity', prod.prod)
    prob = _folded('prob', prod.prod)
    survival_function = _folded('survival_function', prod.prod)

    mean = _delegated('mean')
    mode = _delegated('mode')
    params = _delegated('params')
    stddev = _delegated('stddev')
    support = _delegated('support')
    variance = _delegated('variance')
    xp = _delegated('xp')

    def icdf(self, x):
        """Always raises: a multivariate cdf has no inverse.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Ignored.

        Raises:
            RuntimeError: Always.
        """
        raise RuntimeError(
            'Cumulative distribution function for multivariate variable '
            'is not invertible.')

    def sample_n(self, n):
        return self.distribution.sample_n(n)

    def _fold(self, reducer, stat):
        # The reinterpreted axes are the trailing ones of ``stat``.
        return reducer(stat, axis=_trailing_axes(self._n_moved))


@distribution.register_kl(Independent, Independent)
def _kl_independent_independent(dist1, dist2):
    """KL divergence of two Independent distributions.

    The divergence of products of independent factors is the sum of the
    divergences of the factors, so the base divergence is summed over the
    reinterpreted axes.

    Raises:
        ValueError: The event shapes differ.
        NotImplementedError: The base distributions' event shapes differ.
    """
    if dist1.event_shape != dist2.event_shape:
        raise ValueError('Event shapes do not match.')
    base1, base2 = dist1.distribution, dist2.distribution
    if base1.event_shape != base2.event_shape:
        raise NotImplementedError(
            'KL between Independents with different '
            'event shapes not supported.')
    kl = distribution.kl_divergence(base1, base2)
    n_moved = len(dist1.event_shape) - len(base1.event_shape)
    return sum_mod.sum(kl, axis=_trailing_axes(n_moved))
