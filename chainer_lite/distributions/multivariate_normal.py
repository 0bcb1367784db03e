"""The multivariate normal distribution, given by a Cholesky factor."""
import math

import numpy

from chainer_lite import backend
from chainer_lite import distribution
from chainer_lite.distributions import utils as dist_utils
from chainer_lite import function_node
from chainer_lite.functions.array import diagonal
from chainer_lite.functions.array import expand_dims
from chainer_lite.functions.array import squeeze
from chainer_lite.functions.array import swapaxes
from chainer_lite.functions.math import basic_math
from chainer_lite.functions.math import exponential
from chainer_lite.functions.math import matmul
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import argument
from chainer_lite.utils import cache
from chainer_lite.utils import type_check

ENTROPYC = 0.5 * math.log(2 * math.pi * math.e)
LOGPROBC = -0.5 * math.log(2 * math.pi)


def _triangle_mask(xp, d, lower):
    mask = xp.tri(d, dtype=bool)
    return mask if lower else mask.T


class TriangularInv(function_node.FunctionNode):

    """Inverse of (a stack of) triangular matrices.

    The input has shape ``(..., d, d)``; only its ``lower`` (or upper)
    triangle is read, and the inverse is triangular the same way.
    """

    def __init__(self, lower):
        self._lower = lower

    @property
    def label(self):
        return 'triangular_inv'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type, = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.ndim >= 2,
            a_type.shape[-1] == a_type.shape[-2],
        )

    def forward(self, inputs):
        self.retain_outputs((0,))
        a, = inputs
        xp = backend.get_array_module(a)
        d = a.shape[-1]
        if a.size == 0:
            return a.copy(),
        mask = _triangle_mask(xp, d, self._lower)
        a = xp.where(mask, a, 0)
        # The inverse of a triangular matrix is triangular; masking removes
        # the rounding noise a general (pivoting) inversion leaves outside.
        inv = xp.where(mask, xp.linalg.inv(a), 0)
        return inv.astype(inputs[0].dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        inv, = self.get_retained_outputs()
        xp = backend.get_array_module(inv)
        # d(A^-1) = -A^-T dY A^-T, restricted to the triangle that was read.
        inv_t = swapaxes.swapaxes(inv, -1, -2)
        ga = -matmul.matmul(matmul.matmul(inv_t, gy), inv_t)
        mask = _triangle_mask(xp, inv.shape[-1], self._lower)
        return ga * mask.astype(ga.dtype),


def _triangular_inv(x, lower=True):
    y, = TriangularInv(lower).apply((x,))
    return y


def _triangular_logdet(x):
    # log |det L| of triangular matrices: the sum of log |diagonal|.
    diag = diagonal.diagonal(x, axis1=-2, axis2=-1)
    return sum_mod.sum(exponential.log(basic_math.absolute(diag)), axis=-1)


class MultivariateNormal(distribution.Distribution):

    """Multivariate normal distribution.

    The density is

    .. math::
        p(x; \\mu, V) = \\frac{1}{\\sqrt{\\det(2\\pi V)}}
            \\exp\\left(-\\frac{1}{2}(x-\\mu)^\\top V^{-1}(x-\\mu)\\right),

    where the covariance :math:`V = LL^\\top` is given by its lower
    triangular Cholesky factor :math:`L`.

    Args:
        loc (:class:`~chainer.Variable` or :ref:`ndarray`): The mean
            :math:`\\mu`, of shape ``batch_shape + (d,)``.
        scale_tril (:class:`~chainer.Variable` or :ref:`ndarray`): The
            factor :math:`L`, of shape ``batch_shape + (d, d)`` (keyword
            only, required).

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> loc = np.zeros((4, 2), np.float32)
        >>> scale_tril = np.broadcast_to(np.eye(2, dtype=np.float32),
        ...                              (4, 2, 2))
        >>> d = D.MultivariateNormal(loc, scale_tril=scale_tril)
        >>> d.batch_shape, d.event_shape
        ((4,), (2,))
        >>> d.sample(3).shape
        (3, 4, 2)
    """

    def __init__(self, loc, **kwargs):
        scale_tril = None
        if kwargs:
            scale_tril, = argument.parse_kwargs(
                kwargs, ('scale_tril', scale_tril))
        if scale_tril is None:
            raise ValueError('`scale_tril` must have a value.')
        self._args = {'loc': loc, 'scale_tril': scale_tril}

    loc = dist_utils._parameter('loc')
    scale_tril = dist_utils._parameter('scale_tril')

    @cache.cached_property
    def _logdet_scale(self):
        return _triangular_logdet(self.scale_tril)

    @cache.cached_property
    def _scale_tril_inv(self):
        return _triangular_inv(self.scale_tril)

    @property
    def d(self):
        """int: The dimension of an event."""
        return self.scale_tril.shape[-1]

    def __copy__(self):
        return self._copy_to(
            MultivariateNormal(self.loc, scale_tril=self.scale_tril))

    @property
    def batch_shape(self):
        return self.loc.shape[:-1]

    @property
    def event_shape(self):
        return self.loc.shape[-1:]

    @property
    def covariance(self):
        return matmul.matmul(
            self.scale_tril, swapaxes.swapaxes(self.scale_tril, -1, -2))

    @cache.cached_property
    def entropy(self):
        return self._logdet_scale + ENTROPYC * self.d

    def log_prob(self, x):
        # With z = L^-1 (x - mu): log p = -d/2 log 2 pi - log|L| - |z|^2 / 2.
        diff = expand_dims.expand_dims(x - self.loc, axis=-1)
        z = matmul.matmul(self._scale_tril_inv, diff)
        mahalanobis = sum_mod.sum(z ** 2, axis=(-2, -1))
        return LOGPROBC * self.d - self._logdet_scale - 0.5 * mahalanobis

    @cache.cached_property
    def mean(self):
        return self.loc

    @property
    def params(self):
        return dict(loc=self.loc, scale_tril=self.scale_tril)

    def sample_n(self, n):
        xp = backend.get_array_module(self.loc)
        dtype = self.loc.dtype
        shape = (n,) + self.loc.shape + (1,)
        if xp is numpy:
            eps = numpy.random.standard_normal(size=shape)
            eps = eps.astype(dtype)
        else:
            eps = xp.random.standard_normal(
                shape, dtype=numpy.promote_types(dtype, numpy.float32)
            ).astype(dtype, copy=False)
        return self.loc + squeeze.squeeze(
            matmul.matmul(self.scale_tril, eps), axis=-1)

    @property
    def support(self):
        return 'real'


@distribution.register_kl(MultivariateNormal, MultivariateNormal)
def _kl_multivariatenormal_multivariatenormal(dist1, dist2):
    inv2 = dist2._scale_tril_inv
    # tr(V2^-1 V1) = |L2^-1 L1|_F^2
    trace = sum_mod.sum(matmul.matmul(inv2, dist1.scale_tril) ** 2,
                        axis=(-2, -1))
    # (mu1 - mu2)^T V2^-1 (mu1 - mu2) = |L2^-1 (mu1 - mu2)|^2
    diff = expand_dims.expand_dims(dist1.loc - dist2.loc, axis=-1)
    mahalanobis = sum_mod.sum(matmul.matmul(inv2, diff) ** 2, axis=(-2, -1))
    return (dist2._logdet_scale - dist1._logdet_scale
            + 0.5 * trace + 0.5 * mahalanobis - 0.5 * dist1.d)
