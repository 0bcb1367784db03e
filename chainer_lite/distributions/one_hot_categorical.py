"""The categorical distribution with one-hot encoded events."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.distributions import categorical
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import cache


class OneHotCategorical(distribution.Distribution):

    """One-hot categorical distribution.

    An event is a one-hot vector of length :math:`k` (the last axis of
    ``p``), with :math:`P(x = e_i) = p_i`.

    Args:
        p (:class:`~chainer.Variable` or :ref:`ndarray`): The class
            probabilities, along the last axis.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.OneHotCategorical(np.array([0.5, 0.25, 0.25], np.float32))
        >>> d.event_shape
        (3,)
        >>> d.sample(2).shape
        (2, 3)
    """

    def __init__(self, p):
        super(OneHotCategorical, self).__init__()
        self._args = {'p': p}

    p = dist_utils._parameter('p')

    @cache.cached_property
    def log_p(self):
        return exponential.log(self.p)

    @property
    def batch_shape(self):
        return self.p.shape[:-1]

    @property
    def event_shape(self):
        return self.p.shape[-1:]

    def log_prob(self, x):
        return sum_mod.sum(self.log_p * x, axis=-1)

    @cache.cached_property
    def mean(self):
        return self.p

    @property
    def params(self):
        return {'p': self.p}

    def sample_n(self, n):
        xp = backend.get_array_module(self.p)
        classes = categorical._sample_classes(xp, self.p.array, n)
        # Row ``c`` of the identity is the one-hot vector of class ``c``.
        one_hot = xp.eye(self.p.shape[-1], dtype=self.p.dtype)
        return chainer_lite.Variable(one_hot[classes])

    @cache.cached_property
    def variance(self):
        return self.p * (1. - self.p)


@distribution.register_kl(OneHotCategorical, OneHotCategorical)
def _kl_one_hot_categorical_one_hot_categorical(dist1, dist2):
    return categorical._kl_over_classes(dist1, dist2)
