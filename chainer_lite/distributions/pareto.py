"""The Pareto (power law) distribution."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite.functions.array import where
from chainer_lite.functions.math import exponential
from chainer_lite import utils
from chainer_lite.utils import cache


class Pareto(distribution.Distribution):

    """Pareto distribution.

    The density is

    .. math::
        f(x) = \\alpha x_m^{\\alpha} x^{-(\\alpha+1)}

    for :math:`x \\ge x_m`.

    Args:
        scale (:class:`~chainer.Variable` or :ref:`ndarray`): The minimum
            :math:`x_m`.
        alpha (:class:`~chainer.Variable` or :ref:`ndarray`): The shape
            :math:`\\alpha`.
    """

    def __init__(self, scale, alpha):
        super(Pareto, self).__init__()
        self._args = {'scale': scale, 'alpha': alpha}

    scale = dist_utils._parameter('scale')
    alpha = dist_utils._parameter('alpha')

    @cache.cached_property
    def _log_scale(self):
        return exponential.log(self.scale)

    @cache.cached_property
    def _log_alpha(self):
        return exponential.log(self.alpha)

    @property
    def batch_shape(self):
        return self.scale.shape

    @property
    def event_shape(self):
        return ()

    @cache.cached_property
    def entropy(self):
        return self._log_scale - self._log_alpha + 1. / self.alpha + 1.

    def log_prob(self, x):
        x = chainer_lite.as_variable(x)
        logp = (self._log_alpha + self.alpha * self._log_scale
                - (self.alpha + 1) * exponential.log(x))
        xp = logp.xp
        inside = utils.force_array(x.array >= self.scale.array)
        return where.where(inside, logp, xp.array(-xp.inf, logp.dtype))

    @cache.cached_property
    def mean(self):
        # Infinite for alpha <= 1.
        mean = self.alpha * self.scale / (self.alpha - 1)
        xp = mean.xp
        return where.where(utils.force_array(self.alpha.array > 1), mean,
                           xp.array(xp.inf, mean.dtype))

    @property
    def params(self):
        return {'scale': self.scale, 'alpha': self.alpha}

    def sample_n(self, n):
        xp = backend.get_array_module(self.scale)
        # NumPy's pareto draws the Lomax (Pareto II) variable x / x_m - 1.
        eps = xp.random.pareto(
            self.alpha.array, (n,) + self.batch_shape).astype(self.alpha.dtype)
        return self.scale * (eps + 1)

    @property
    def support(self):
        return '[scale, inf]'

    @cache.cached_property
    def variance(self):
        # Infinite for alpha <= 2.
        alpha = self.alpha
        var = self.scale ** 2 * alpha / (alpha - 1) ** 2 / (alpha - 2)
        xp = var.xp
        return where.where(utils.force_array(alpha.array > 2), var,
                           xp.array(xp.inf, var.dtype))


@distribution.register_kl(Pareto, Pareto)
def _kl_pareto_pareto(dist1, dist2):
    kl = (dist2.alpha * (dist1._log_scale - dist2._log_scale)
          + dist1._log_alpha - dist2._log_alpha
          + (dist2.alpha - dist1.alpha) / dist1.alpha)
    xp = kl.xp
    # Infinite where the support of dist1 reaches below that of dist2.
    return where.where(
        utils.force_array(dist1.scale.array >= dist2.scale.array), kl,
        xp.array(xp.inf, kl.dtype))
