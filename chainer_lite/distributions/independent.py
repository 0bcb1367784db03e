"""A distribution that reads some batch axes of another as event axes."""
import numpy

from chainer_lite import distribution
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import reshape
from chainer_lite.functions.math import prod
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import array
from chainer_lite.utils import cache


class Independent(distribution.Distribution):

    """Independent distribution.

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
        self.__distribution = distribution
        batch_ndim = len(distribution.batch_shape)
        if reinterpreted_batch_ndims is None:
            reinterpreted_batch_ndims = max(0, batch_ndim - 1)
        elif reinterpreted_batch_ndims > batch_ndim:
            raise ValueError(
                'reinterpreted_batch_ndims must be less than or equal to the '
                'number of dimensions of `distribution.batch_shape`.')
        self.__reinterpreted_batch_ndims = reinterpreted_batch_ndims
        kept = batch_ndim - reinterpreted_batch_ndims
        self.__batch_shape = distribution.batch_shape[:kept]
        self.__event_shape = (distribution.batch_shape[kept:]
                              + distribution.event_shape)

    @property
    def distribution(self):
        """~chainer.Distribution: The base distribution."""
        return self.__distribution

    @property
    def reinterpreted_batch_ndims(self):
        """int: The number of batch axes read as event axes."""
        return self.__reinterpreted_batch_ndims

    @property
    def batch_shape(self):
        return self.__batch_shape

    @property
    def event_shape(self):
        return self.__event_shape

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

    @property
    def entropy(self):
        return self._reduce(sum_mod.sum, self.distribution.entropy)

    def cdf(self, x):
        return self._reduce(prod.prod, self.distribution.cdf(x))

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

    def log_cdf(self, x):
        return self._reduce(sum_mod.sum, self.distribution.log_cdf(x))

    def log_prob(self, x):
        return self._reduce(sum_mod.sum, self.distribution.log_prob(x))

    def log_survival_function(self, x):
        return self._reduce(
            sum_mod.sum, self.distribution.log_survival_function(x))

    @property
    def mean(self):
        return self.distribution.mean

    @property
    def mode(self):
        return self.distribution.mode

    @property
    def params(self):
        return self.distribution.params

    def perplexity(self, x):
        return self._reduce(prod.prod, self.distribution.perplexity(x))

    def prob(self, x):
        return self._reduce(prod.prod, self.distribution.prob(x))

    def sample_n(self, n):
        return self.distribution.sample_n(n)

    @property
    def stddev(self):
        return self.distribution.stddev

    @property
    def support(self):
        return self.distribution.support

    def survival_function(self, x):
        return self._reduce(prod.prod, self.distribution.survival_function(x))

    @property
    def variance(self):
        return self.distribution.variance

    @property
    def xp(self):
        return self.distribution.xp

    def _reduce(self, op, stat):
        # Reduce over the reinterpreted axes, the last ones of ``stat``.
        axis = tuple(range(-self.reinterpreted_batch_ndims, 0))
        return op(stat, axis=axis)


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
    p = dist1.distribution
    q = dist2.distribution
    if dist1.event_shape != dist2.event_shape:
        raise ValueError('Event shapes do not match.')
    if p.event_shape != q.event_shape:
        raise NotImplementedError(
            'KL between Independents with different '
            'event shapes not supported.')
    n_axes = len(dist1.event_shape) - len(p.event_shape)
    axis = tuple(range(-n_axes, 0))
    return sum_mod.sum(distribution.kl_divergence(p, q), axis=axis)
