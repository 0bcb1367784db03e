"""The Laplace (double exponential) distribution."""
import math

from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite import function_node
from chainer_lite.functions.math import exponential
from chainer_lite import utils
from chainer_lite.utils import cache
from chainer_lite.utils import type_check


class LaplaceCDF(function_node.FunctionNode):

    """The cdf of the standard Laplace distribution."""

    @property
    def label(self):
        return 'laplace_cdf'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_outputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        # 1/2 e^x for x < 0 and 1 - 1/2 e^-x for x >= 0, via expm1 so that
        # values near 1/2 keep their precision.
        y = 0.5 - 0.5 * xp.sign(x) * xp.expm1(-xp.abs(x))
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        y, = self.get_retained_outputs()
        # The density 1/2 e^-|x| equals min(y, 1 - y).
        return gy * (0.5 - abs(y - 0.5)),


class LaplaceICDF(function_node.FunctionNode):

    """The quantile function of the standard Laplace distribution."""

    @property
    def label(self):
        return 'laplace_icdf'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        h = 1 - 2 * x
        return utils.force_array(xp.sign(h) * xp.log1p(-xp.abs(h)), x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        x, = self.get_retained_inputs()
        return gy / (0.5 - abs(x - 0.5)),


def _laplace_cdf(x):
    y, = LaplaceCDF().apply((x,))
    return y


def _laplace_icdf(x):
    y, = LaplaceICDF().apply((x,))
    return y


class Laplace(distribution.Distribution):

    """Laplace distribution.

    The density is

    .. math::
        p(x; \\mu, b) = \\frac{1}{2b}
            \\exp\\left(-\\frac{|x - \\mu|}{b}\\right).

    Args:
        loc (:class:`~chainer.Variable` or :ref:`ndarray`): The location
            :math:`\\mu`.
        scale (:class:`~chainer.Variable` or :ref:`ndarray`): The scale
            :math:`b`.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Laplace(np.array([0.], np.float32),
        ...               np.array([1.], np.float32))
        >>> d.cdf(np.array([0.], np.float32)).array
        array([0.5], dtype=float32)
    """

    def __init__(self, loc, scale):
        super(Laplace, self).__init__()
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
        return _laplace_cdf((x - self.loc) / self.scale)

    @cache.cached_property
    def entropy(self):
        return 1. + exponential.log(2 * self.scale)

    def icdf(self, x):
        return self.loc + self.scale * _laplace_icdf(x)

    def log_prob(self, x):
        scale = self.scale
        return -exponential.log(2 * scale) - abs(x - self.loc) / scale

    @cache.cached_property
    def mean(self):
        return self.loc

    @cache.cached_property
    def mode(self):
        return self.loc

    @property
    def params(self):
        return {'loc': self.loc, 'scale': self.scale}

    def prob(self, x):
        scale = self.scale
        return 0.5 / scale * exponential.exp(-abs(x - self.loc) / scale)

    def sample_n(self, n):
        xp = backend.get_array_module(self.loc)
        eps = xp.random.laplace(
            size=(n,) + self.loc.shape).astype(self.loc.dtype)
        return self.scale * eps + self.loc

    @cache.cached_property
    def stddev(self):
        return math.sqrt(2) * self.scale

    @property
    def support(self):
        return 'real'

    @cache.cached_property
    def variance(self):
        return 2 * self.scale ** 2


@distribution.register_kl(Laplace, Laplace)
def _kl_laplace_laplace(dist1, dist2):
    distance = abs(dist1.loc - dist2.loc)
    return (exponential.log(dist2.scale) - exponential.log(dist1.scale)
            + distance / dist2.scale
            + dist1.scale / dist2.scale
            * exponential.exp(-distance / dist1.scale)
            - 1)
