"""Decorrelated batch normalization: ZCA whitening of groups of channels."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import transpose
from chainer_lite.functions.math import matmul
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


def _diag(a, xp):
    # Batched diagonal matrices from the rows of a 2-d array.
    s0, s1 = a.shape
    ret = xp.zeros((s0, s1, s1), a.dtype)
    idx = numpy.arange(s1)
    ret[:, idx, idx] = a
    return ret


def _calc_axis_and_m(x_shape, batch_size):
    # The spatial axes and the number of samples per channel.
    m = batch_size
    spatial_axis = tuple(range(2, len(x_shape)))
    for i in spatial_axis:
        m *= x_shape[i]
    return spatial_axis, m


def _to_groups(x, groups):
    # (B, c, ...) -> (groups, c // groups, m): one column per sample.
    spatial_axis, m = _calc_axis_and_m(x.shape, x.shape[0])
    return x.transpose((1, 0) + spatial_axis).reshape(
        groups, x.shape[1] // groups, m)


def _from_groups(y, shape):
    spatial_axis, _ = _calc_axis_and_m(shape, shape[0])
    return y.reshape((shape[1], shape[0]) + shape[2:]).transpose(
        (1, 0) + spatial_axis)


class DecorrelatedBatchNormalization(function_node.FunctionNode):

    """Decorrelated batch normalization with batch statistics.

    Each group of ``c // groups`` channels is centred and multiplied by the
    inverse square root of its covariance (ZCA whitening). Running
    statistics, if given, are updated in place.
    """

    def __init__(self, groups=16, eps=2e-5, mean=None, projection=None,
                 decay=0.9):
        self.groups = groups
        self.running_mean = mean
        self.running_projection = projection
        self.eps = eps
        self.decay = decay
        self.axis = None

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.shape[1] % self.groups == 0,
        )
        type_check.expect(
            x_type.ndim >= 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        C = x.shape[1] // self.groups
        _, m = _calc_axis_and_m(x.shape, x.shape[0])

        x_hat = _to_groups(x, self.groups)
        mean = x_hat.mean(axis=2, keepdims=True)
        x_hat = x_hat - mean
        self.eps = x.dtype.type(self.eps)
        cov = (xp.matmul(x_hat, x_hat.transpose(0, 2, 1)) / x.dtype.type(m)
               + self.eps * xp.eye(C, dtype=x.dtype))
        self.eigvals, self.eigvectors = xp.linalg.eigh(cov)
        # PCA whitening, then rotation back (ZCA).
        U = xp.matmul(_diag(self.eigvals ** -0.5, xp),
                      self.eigvectors.transpose(0, 2, 1))
        self.y_hat_pca = xp.matmul(U, x_hat)
        y_hat = xp.matmul(self.eigvectors, self.y_hat_pca)
        y = _from_groups(y_hat, x.shape)

        if self.running_mean is not None:
            self.running_mean *= self.decay
            self.running_mean += (1 - self.decay) * mean.squeeze(axis=2)
        if self.running_projection is not None:
            adjust = m / max(m - 1., 1.)  # unbiased estimation
            self.running_projection *= self.decay
            projection = xp.matmul(self.eigvectors, U)
            self.running_projection += (1 - self.decay) * adjust * projection
        return y,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        f = DecorrelatedBatchNormalizationGrad(
            self.groups, self.eigvals, self.eigvectors, self.y_hat_pca)
        # x is an input of the gradient (unused in its forward) so that a
        # second differentiation reaches the error below instead of
        # silently missing the dependency on x.
        return f.apply((x, gy))


class DecorrelatedBatchNormalizationGrad(function_node.FunctionNode):

    """Gradient of :class:`DecorrelatedBatchNormalization`: ``(x, gy) ->
    gx``, through the eigendecomposition of the covariance (computed in
    forward from ``x``)."""

    def __init__(self, groups, eigvals, eigvectors, y_hat_pca):
        self.groups = groups
        self.eigvals = eigvals
        self.eigvectors = eigvectors
        self.y_hat_pca = y_hat_pca

    def forward(self, inputs):
        _, gy = inputs
        xp = backend.get_array_module(gy)
        C = gy.shape[1] // self.groups
        _, m = _calc_axis_and_m(gy.shape, gy.shape[0])
        diag = (slice(None), numpy.arange(C), numpy.arange(C))

        V = self.eigvectors
        lam = self.eigvals
        y_hat_pca = self.y_hat_pca
        gy_hat_pca = xp.matmul(V.transpose(0, 2, 1), _to_groups(
            gy, self.groups))
        f = gy_hat_pca.mean(axis=2, keepdims=True)

        # K[i, j] = 1 / (lam_i - lam_j) where the eigenvalues differ.
        K = lam[:, :, None] - lam[:, None, :]
        valid = K != 0
        K[valid] = xp.reciprocal(K[valid])
        sqrt_lam = _diag(lam ** 0.5, xp)
        F_c = xp.matmul(gy_hat_pca, y_hat_pca.transpose(0, 2, 1)) / (
            gy.dtype.type(m))
        M = xp.zeros_like(F_c)
        M[diag] = F_c[diag]
        mat = K.transpose(0, 2, 1) * (
            xp.matmul(_diag(lam, xp), F_c.transpose(0, 2, 1))
            + xp.matmul(xp.matmul(sqrt_lam, F_c), sqrt_lam))
        S = mat + mat.transpose(0, 2, 1)
        R = gy_hat_pca - f + xp.matmul((S - M).transpose(0, 2, 1), y_hat_pca)
        gx_hat = xp.matmul(V, xp.matmul(_diag(lam ** -0.5, xp), R))
        return _from_groups(gx_hat, gy.shape),

    def backward(self, indexes, grad_outputs):
        raise NotImplementedError('Double backward is not implemented for'
                                  ' decorrelated batch normalization.')


class FixedDecorrelatedBatchNormalization(function_node.FunctionNode):

    """Decorrelated batch normalization with given ``mean`` and
    ``projection``: ``y = projection (x - mean)`` per channel group."""

    def __init__(self, groups):
        self.groups = groups

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, mean_type, var_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            mean_type.dtype == x_type.dtype,
            var_type.dtype == x_type.dtype,
        )
        type_check.expect(
            x_type.ndim >= 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        x, mean, projection = inputs
        xp = backend.get_array_module(x)
        x_hat = _to_groups(x, self.groups) - mean[:, :, None]
        return _from_groups(xp.matmul(projection, x_hat), x.shape),

    def backward(self, indexes, grad_outputs):
        x, mean, projection = self.get_retained_inputs()
        gy, = grad_outputs
        groups = self.groups
        C = x.shape[1] // groups
        spatial_axis, m = _calc_axis_and_m(x.shape, x.shape[0])
        to_groups = (1, 0) + spatial_axis

        def grouped(v):
            return reshape.reshape(
                transpose.transpose(v, to_groups), (groups, C, m))

        gy_hat = grouped(gy)
        gx_hat = matmul.matmul(projection, gy_hat, transa=True)
        ret = []
        if 0 in indexes:
            inverse = tuple(numpy.argsort(to_groups))
            gx = reshape.reshape(
                gx_hat, (x.shape[1], x.shape[0]) + x.shape[2:])
            ret.append(transpose.transpose(gx, inverse))
        if 1 in indexes:
            ret.append(-_sum.sum(gx_hat, axis=2))
        if 2 in indexes:
            x_hat = grouped(x) - mean[:, :, None]
            ret.append(matmul.matmul(gy_hat, x_hat, transb=True))
        return ret


def decorrelated_batch_normalization(x, **kwargs):
    """decorrelated_batch_normalization(x, *, groups=16, eps=2e-5, \
running_mean=None, running_projection=None, decay=0.9)

    Decorrelated batch normalization function.

    The channels of ``x`` (axis 1) are split into ``groups`` groups; within
    each group the channels are centred and whitened with the inverse
    square root of their covariance over the batch and spatial axes (ZCA
    whitening), so that they become decorrelated with unit variance.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, C, ...)``; ``C`` must be divisible by ``groups``.
        groups (int): The number of channel groups.
        eps (float): Added to the covariance diagonal.
        running_mean (:ref:`ndarray`): Running mean of shape
            ``(groups, C // groups)``, updated in place, or ``None``.
        running_projection (:ref:`ndarray`): Running whitening matrix of
            shape ``(groups, C // groups, C // groups)``, updated in place,
            or ``None``.
        decay (float): Decay rate of the running averages.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape. It can be differentiated
        once.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1., 0.], [-1., 0.]], np.float32)
        >>> F.decorrelated_batch_normalization(x, groups=1, eps=0.1).shape
        (2, 2)

    See: `Decorrelated Batch Normalization
    <https://arxiv.org/abs/1804.08450>`_
    """
    groups, eps, running_mean, running_projection, decay = \
        argument.parse_kwargs(
            kwargs, ('groups', 16), ('eps', 2e-5), ('running_mean', None),
            ('running_projection', None), ('decay', 0.9))
    f = DecorrelatedBatchNormalization(
        groups, eps, running_mean, running_projection, decay)
    return f.apply((x,))[0]


def fixed_decorrelated_batch_normalization(x, mean, projection, groups=16):
    """Decorrelated batch normalization function with fixed statistics.

    Computes ``projection[g] @ (x_g - mean[g])`` for each channel group
    ``g``, as the decorrelated batch normalization layer does in test mode.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, C, ...)``.
        mean (:class:`~chainer.Variable` or :ref:`ndarray`): Means of shape
            ``(groups, C // groups)``.
        projection (:class:`~chainer.Variable` or :ref:`ndarray`): Whitening
            matrices of shape ``(groups, C // groups, C // groups)``.
        groups (int): The number of channel groups.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1., 2.]], np.float32)
        >>> mean = np.zeros((1, 2), np.float32)
        >>> projection = np.eye(2, dtype=np.float32)[None] * 2
        >>> F.fixed_decorrelated_batch_normalization(
        ...     x, mean, projection, groups=1).array
        array([[2., 4.]], dtype=float32)
    """
    f = FixedDecorrelatedBatchNormalization(groups)
    return f.apply((x, mean, projection))[0]
