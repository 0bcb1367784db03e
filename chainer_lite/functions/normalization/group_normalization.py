"""Group normalization: standardize groups of channels of each sample."""
import numpy

from chainer_lite import function_node
from chainer_lite.functions.array import cast
from chainer_lite.functions.math import sum as _sum
from chainer_lite.functions.normalization import _util
from chainer_lite.functions.normalization._util import _MulInvStd  # NOQA
from chainer_lite.functions.normalization._util import _XHat
from chainer_lite.utils import type_check


class GroupNormalization(function_node.FunctionNode):

    """Group normalization of ``x`` (``(N, C, ...)``) with per-channel
    ``gamma`` and ``beta``."""

    def __init__(self, groups, eps=1e-5):
        if not isinstance(groups, int):
            raise TypeError("Argument: 'groups' type must be (int).")
        self.groups = groups
        self.eps = eps
        self.mean = None
        self.inv_std = None

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= 2,
            gamma_type.ndim == 1,
            beta_type.ndim == 1,
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            x_type.shape[1] == gamma_type.shape[0],
            gamma_type.shape == beta_type.shape,
        )

    def forward(self, inputs):
        x, gamma, beta = inputs
        if x.shape[1] % self.groups != 0:
            raise ValueError(
                "The number of channels {} is not divisible by 'groups' "
                'argument {}.'.format(x.shape[1], self.groups))
        self.retain_inputs((0, 1))
        # Statistics and the affine map use the promoted dtype.
        dtype = numpy.promote_types(x.dtype, gamma.dtype)
        batch_size, channels = x.shape[:2]
        rows = x.reshape(batch_size * self.groups, -1).astype(
            dtype, copy=False)
        self.mean, self.inv_std = _util.row_statistics(rows, self.eps)
        x_hat = (rows - self.mean[:, None]) * self.inv_std[:, None]
        y = (x_hat.reshape(batch_size, channels, -1)
             * gamma.astype(dtype, copy=False)[:, None]
             + beta.astype(dtype, copy=False)[:, None])
        return y.reshape(x.shape).astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        gy, = grad_outputs
        dtype = numpy.promote_types(x.dtype, gamma.dtype)
        batch_size, channels = x.shape[:2]
        rows = cast.cast(x.reshape(batch_size * self.groups, -1), dtype)
        x_hat = _XHat(self.eps, self.mean, self.inv_std).apply((rows,))[0]
        gy = cast.cast(gy, dtype).reshape(batch_size, channels, -1)
        gamma_ = cast.cast(gamma, dtype)

        g_beta = _sum.sum(gy, axis=(0, 2))
        g_gamma = _sum.sum(
            gy * x_hat.reshape(batch_size, channels, -1), axis=(0, 2))
        g_x_hat = (gy * gamma_[:, None]).reshape(rows.shape)
        g_x = _util.x_hat_grad(rows, x_hat, g_x_hat, self.eps, self.mean,
                               self.inv_std)
        return (cast.cast(g_x.reshape(x.shape), x.dtype),
                cast.cast(g_gamma, gamma.dtype),
                cast.cast(g_beta, gamma.dtype))


def group_normalization(x, groups, gamma, beta, eps=1e-5):
    """Normalizes groups of channels of each sample.

    The ``C`` channels of each sample are split into ``groups`` groups;
    each group (with all its spatial positions) is normalized to zero mean
    and unit variance, then every channel is scaled by ``gamma`` and
    shifted by ``beta``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, C, ...)``.
        groups (int): The number of channel groups; it must divide ``C``.
        gamma (:class:`~chainer.Variable` or :ref:`ndarray`): Scale, of
            shape ``(C,)``.
        beta (:class:`~chainer.Variable` or :ref:`ndarray`): Shift, of
            shape ``(C,)``.
        eps (float): Added to the variance for numerical stability.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1., 3., 0., 4.]], np.float32)
        >>> one, zero = np.ones(4, np.float32), np.zeros(4, np.float32)
        >>> F.group_normalization(x, 2, one, zero, eps=0.0).array
        array([[-1.,  1., -1.,  1.]], dtype=float32)

    Proposed by Wu and He (https://arxiv.org/abs/1803.08494).
    """
    node = GroupNormalization(groups, eps=eps)
    return node.apply((x, gamma, beta))[0]
