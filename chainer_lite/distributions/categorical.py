"""The categorical distribution over class indices ``0, ..., k - 1``."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.activation import log_softmax
from chainer_lite.functions.array import get_item
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import argument
from chainer_lite.utils import cache


def _batch_indices(xp, batch_shape):
    # Index arrays selecting every batch element, broadcastable against
    # points of shape sample_shape + batch_shape.
    ndim = len(batch_shape)
    return tuple(
        xp.arange(size).reshape((size,) + (1,) * (ndim - i - 1))
        for i, size in enumerate(batch_shape))


def _sample_classes(xp, p, n):
    """Draws ``n`` class indices per row of ``p`` (``(..., k)``)."""
    # Inverse transform sampling, vectorized over the batch: the class is
    # the number of cumulative probabilities below a uniform draw.
    cdf = xp.cumsum(p.astype(xp.float64), axis=-1)
    cdf /= cdf[..., -1:]
    u = xp.random.uniform(size=(n,) + p.shape[:-1] + (1,))
    classes = (u >= cdf).sum(axis=-1)
    return xp.minimum(classes, p.shape[-1] - 1)


class Categorical(distribution.Distribution):

    """Categorical distribution.

    :math:`P(x = i) = p_i` for class indices :math:`i = 0, \\dots, k - 1`;
    the classes run along the last axis of the parameter.

    Args:
        p (:class:`~chainer.Variable` or :ref:`ndarray`): The class
            probabilities. Give either ``p`` or ``logit``, not both.
        logit (:class:`~chainer.Variable` or :ref:`ndarray`): Unnormalized
            log-probabilities :math:`\\log p + C` (keyword only).

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Categorical(np.array([[0.5, 0.25, 0.25]], np.float32))
        >>> d.batch_shape, d.event_shape
        ((1,), ())
        >>> np.exp(d.log_prob(np.array([1], np.int32)).array)
        array([0.25], dtype=float32)
    """

    def __init__(self, p=None, **kwargs):
        logit, = argument.parse_kwargs(kwargs, ('logit', None))
        dist_utils._check_exactly_one(p, logit, ('p', 'logit'))
        self._args = {'p': p, 'logit': logit}

    @cache.cached_property
    def p(self):
        return dist_utils._given_or(
            self._args['p'], lambda: exponential.exp(self.log_p))

    @cache.cached_property
    def log_p(self):
        p = self._args['p']
        if p is None:
            # Normalized log-probabilities from the unnormalized logits.
            return log_softmax.log_softmax(self._args['logit'], axis=-1)
        return exponential.log(p)

    @property
    def batch_shape(self):
        return self.p.shape[:-1]

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        return -sum_mod.sum(dist_utils._modified_xlogx(self.p), axis=-1)

    def log_prob(self, x):
        x = chainer_lite.as_array(x)
        xp = backend.get_array_module(x)
        index = _batch_indices(xp, self.batch_shape) + (x.astype(xp.int32),)
        return get_item.get_item(self.log_p, index)

    @property
    def params(self):
        return {'p': self.p}

    def sample_n(self, n):
        xp = backend.get_array_module(self.p)
        return chainer_lite.Variable(_sample_classes(xp, self.p.array, n))


def _kl_over_classes(dist1, dist2):
    # sum_k p_k (log p_k - log q_k) over the class axis, which is the last
    # axis of ``p`` for both the categorical and the one-hot categorical.
    log_ratio = dist1.log_p - dist2.log_p
    return sum_mod.sum(dist1.p * log_ratio, axis=-1)


@distribution.register_kl(Categorical, Categorical)
def _kl_categorical_categorical(dist1, dist2):
    return _kl_over_classes(dist1, dist2)
