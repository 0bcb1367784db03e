"""The Bernoulli distribution over ``{0, 1}``."""
import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite import function_node
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import softplus
from chainer_lite.functions.array import where
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import logarithm_1p
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite import utils
from chainer_lite.utils import cache


class BernoulliLogProb(function_node.FunctionNode):

    """``log P(x)`` of a Bernoulli distribution given by its logit.

    ``log P(x) = x * logit - softplus(logit)``; the logit and ``x`` are
    broadcast together. An infinite logit means a certain outcome; with
    ``binary_check`` any ``x`` outside ``{0, 1}`` has probability 0.
    """

    def __init__(self, binary_check=False):
        self.binary_check = binary_check

    @property
    def label(self):
        return 'bernoulli_log_prob'

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        logit, x = inputs
        xp = backend.get_array_module(logit, x)
        x = x.astype(logit.dtype, copy=False)
        # x * l - softplus(l), with softplus(l) = max(l, 0) + log1p(e^-|l|).
        with numpy.errstate(invalid='ignore', over='ignore'):
            y = (x * logit - xp.maximum(logit, 0)
                 - xp.log1p(xp.exp(-xp.abs(logit))))
        self.logit_isinf = xp.isinf(logit)
        if self.logit_isinf.any():
            # l = +inf: P(1) = 1; l = -inf: P(0) = 1.
            with numpy.errstate(divide='ignore', invalid='ignore'):
                y = xp.where(self.logit_isinf & (logit > 0), xp.log(x), y)
                y = xp.where(self.logit_isinf & (logit < 0), xp.log1p(-x), y)
        y = utils.force_array(y, logit.dtype)
        if self.binary_check:
            self.invalid = utils.force_array((x != 0) & (x != 1))
            y = utils.force_array(xp.where(self.invalid, -xp.inf, y),
                                  logit.dtype)
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        logit, x = self.get_retained_inputs()
        xp = backend.get_array_module(logit)
        dlogit = x.array.astype(logit.dtype, copy=False) - sigmoid.sigmoid(
            logit)
        undefined = self.logit_isinf
        if self.binary_check:
            undefined = undefined | self.invalid
        if undefined.any():
            nan = xp.array(xp.nan, logit.dtype)
            dlogit = where.where(undefined, nan, dlogit)
        return sum_mod.sum_to(gy * dlogit, logit.shape), None


def _bernoulli_log_prob(logit, x, binary_check=False):
    return BernoulliLogProb(binary_check).apply((logit, x))[0]


class Bernoulli(distribution.Distribution):

    """Bernoulli distribution.

    :math:`P(x = 1) = p`, :math:`P(x = 0) = 1 - p`.

    Args:
        p (:class:`~chainer.Variable` or :ref:`ndarray`): The probability
            :math:`p` of 1. Give either ``p`` or ``logit``, not both.
        logit (:class:`~chainer.Variable` or :ref:`ndarray`): The log-odds
            :math:`\\log\\{p/(1-p)\\}`.
        binary_check (bool): If ``True``, :meth:`log_prob` and :meth:`prob`
            give probability 0 to points other than 0 and 1.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Bernoulli(p=np.array([0.25], np.float32))
        >>> d.prob(np.array([1.], np.float32)).array
        array([0.25], dtype=float32)
    """

    def __init__(self, p=None, logit=None, binary_check=False):
        super(Bernoulli, self).__init__()
        dist_utils._check_exactly_one(p, logit, ('p', 'logit'))
        self._args = {'p': p, 'logit': logit}
        self.binary_check = binary_check

    @cache.cached_property
    def p(self):
        return dist_utils._given_or(
            self._args['p'], lambda: sigmoid.sigmoid(self.logit))

    @cache.cached_property
    def logit(self):
        # log(p / (1 - p)), written with log1p for small p.
        return dist_utils._given_or(
            self._args['logit'],
            lambda: exponential.log(self.p) - logarithm_1p.log1p(-self.p))

    @property
    def batch_shape(self):
        return self.p.shape

    @property
    def event_shape(self):
        return ()

    @property
    def entropy(self):
        p = self.p
        return (-dist_utils._modified_xlogx(p)
                - dist_utils._modified_xlogx(1 - p))

    def log_prob(self, x):
        return _bernoulli_log_prob(
            self.logit, x, binary_check=self.binary_check)

    @cache.cached_property
    def mean(self):
        return self.p

    @property
    def params(self):
        return {'logit': self.logit}

    def prob(self, x):
        x = chainer_lite.as_variable(x)
        prob = x * self.p + (1 - x) * (1 - self.p)
        if self.binary_check:
            valid = (x.array == 0) | (x.array == 1)
            prob = prob * valid.astype(prob.dtype)
        return prob

    def sample_n(self, n):
        xp = backend.get_array_module(self.p)
        eps = xp.random.binomial(1, self.p.array, size=(n,) + self.p.shape)
        return chainer_lite.Variable(eps)

    @cache.cached_property
    def stddev(self):
        return self.variance ** 0.5

    @property
    def support(self):
        return '{0, 1}'

    @cache.cached_property
    def variance(self):
        return self.p * (1 - self.p)


@distribution.register_kl(Bernoulli, Bernoulli)
def _kl_bernoulli_bernoulli(dist1, dist2):
    # sum_x p1(x) (log p1(x) - log p2(x)) written with log-odds, stable for
    # large |logit|: log p = -softplus(-logit), log(1 - p) = -softplus(logit).
    return ((dist1.logit - dist2.logit) * (dist1.p - 1.)
            - softplus.softplus(-dist1.logit)
            + softplus.softplus(-dist2.logit))
