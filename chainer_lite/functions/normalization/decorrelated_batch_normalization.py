"""Decorrelated batch normalization: ZCA whitening of groups of channels."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import swapaxes
from chainer_lite.functions.math import matmul
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import type_check

# Channel groups are handled as stacks of (channels, samples) matrices: the
# channel axis is brought to the front, then split into the groups.


def _group_shape(x_shape, groups):
    """``(N, C, ...)`` -> ``(groups, C // groups, N * prod(...))``."""
    n_samples = x_shape[0]
    for extent in x_shape[2:]:
        n_samples *= extent
    return groups, x_shape[1] // groups, n_samples


def _grouped(x, groups):
    return x.swapaxes(0, 1).reshape(_group_shape(x.shape, groups))


def _ungrouped(y, shape):
    """Inverse of :func:`_grouped` for an input of the given shape."""
    return y.reshape((shape[1], shape[0]) + shape[2:]).swapaxes(0, 1)


def _t(a):
    # Transposes each matrix of a stack.
    return a.swapaxes(-1, -2)


def _expect_common_types(x_type):
    type_check.expect(x_type.ndim >= 2)


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
        _expect_common_types(x_type)

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        rows = _grouped(x, self.groups)
        n_channels, n_samples = rows.shape[1:]
        mean = rows.mean(axis=2, keepdims=True)
        centered = rows - mean
        cov = xp.matmul(centered, _t(centered)) / x.dtype.type(n_samples)
        cov += x.dtype.type(self.eps) * xp.eye(n_channels, dtype=x.dtype)
        # cov = V diag(lam) V^T, so cov^(-1/2) = V diag(lam^(-1/2)) V^T.
        lam, v = xp.linalg.eigh(cov)
        root = xp.sqrt(lam)
        whitening = xp.matmul(v / root[:, None, :], _t(v))
        y = xp.matmul(whitening, centered)

        # Kept for backward: centered data in the eigenbasis.
        self.eigvectors = v
        self.sqrt_eigvals = root
        self.rotated = xp.matmul(_t(v), centered)

        keep = self.decay
        if self.running_mean is not None:
            self.running_mean *= keep
            self.running_mean += (1 - keep) * mean[:, :, 0]
        if self.running_projection is not None:
            # Chainer scales the whitening matrix by m / (m - 1) here.
            scaled = whitening * (n_samples / max(n_samples - 1., 1.))
            self.running_projection *= keep
            self.running_projection += (1 - keep) * scaled
        return _ungrouped(y, x.shape),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        node = DecorrelatedBatchNormalizationGrad(
            self.groups, self.sqrt_eigvals, self.eigvectors, self.rotated)
        # x is an input of the gradient (unused in its forward) so that a
        # second differentiation reaches the error below instead of
        # silently missing the dependency on x.
        return node.apply((x, gy))


class DecorrelatedBatchNormalizationGrad(function_node.FunctionNode):

    """Gradient of :class:`DecorrelatedBatchNormalization`: ``(x, gy) ->
    gx``, through the eigendecomposition of the covariance.

    With ``Z = V^T (x - mean)`` and ``H = V^T gy`` per group, the result is
    ``V (H / sqrt(lam) + (2 / m) B Z)`` with ``B = Phi * sym(H Z^T)``, where
    ``Phi[i, j] = -1 / (s_i s_j (s_i + s_j))`` (``s = sqrt(lam)``) is the
    divided difference of ``lam ** -0.5``, then centred over the samples.
    """

    def __init__(self, groups, sqrt_eigvals, eigvectors, rotated):
        self.groups = groups
        self.sqrt_eigvals = sqrt_eigvals
        self.eigvectors = eigvectors
        self.rotated = rotated

    def forward(self, inputs):
        _, gy = inputs
        xp = backend.get_array_module(gy)
        v, s, z = self.eigvectors, self.sqrt_eigvals, self.rotated
        h = xp.matmul(_t(v), _grouped(gy, self.groups))
        n_samples = z.shape[2]
        phi = -1 / (s[:, :, None] * s[:, None, :]
                    * (s[:, :, None] + s[:, None, :]))
        hz = xp.matmul(h, _t(z))
        b = phi * (hz + _t(hz))  # twice the symmetric part
        g_centered = xp.matmul(
            v, h / s[:, :, None] + xp.matmul(b, z) / gy.dtype.type(n_samples))
        g_rows = g_centered - g_centered.mean(axis=2, keepdims=True)
        return _ungrouped(g_rows, gy.shape),

    def backward(self, indexes, grad_outputs):
        raise NotImplementedError('Double backward is not implemented for'
                                  ' decorrelated batch normalization.')


class FixedDecorrelatedBatchNormalization(function_node.FunctionNode):

    """Decorrelated batch normalization with given ``mean`` and
    ``projection``: ``y = projection (x - mean)`` per channel group."""

    def __init__(self, groups):
        self.groups = groups

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, mean_type, var_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            mean_type.dtype == x_type.dtype,
            var_type.dtype == x_type.dtype,
        )
        _expect_common_types(x_type)

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        x, mean, projection = inputs
        xp = backend.get_array_module(x)
        centered = _grouped(x, self.groups) - mean[:, :, None]
        return _ungrouped(xp.matmul(projection, centered), x.shape),

    def backward(self, indexes, grad_outputs):
        x, mean, projection = self.get_retained_inputs()
        gy, = grad_outputs
        groups = self.groups

        # The same regrouping as _grouped, with differentiable functions.
        def grouped(v):
            return reshape.reshape(swapaxes.swapaxes(v, 0, 1),
                                   _group_shape(v.shape, groups))

        g_rows = matmul.matmul(projection, grouped(gy), transa=True)
        grads = {}
        if 0 in indexes:
            c_first = (x.shape[1], x.shape[0]) + x.shape[2:]
            grads[0] = swapaxes.swapaxes(
                reshape.reshape(g_rows, c_first), 0, 1)
        if 1 in indexes:
            grads[1] = -_sum.sum(g_rows, axis=2)
        if 2 in indexes:
            centered = grouped(x) - mean[:, :, None]
            grads[2] = matmul.matmul(grouped(gy), centered, transb=True)
        return [grads[i] for i in indexes]


def decorrelated_batch_normalization(x, **kwargs):
    """decorrelated_batch_normalization(x, *, groups=16, eps=2e-5, \
running_mean=None, running_projection=None, decay=0.9)

    Whitens groups of channels with batch statistics.

    The channels of ``x`` (axis 1) are split into ``groups`` groups; within
    each group the channels are centred and whitened with the inverse
    square root of their covariance over the batch and spatial axes (ZCA
    whitening), so that they become decorrelated with unit variance.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, C, ...)``; ``C`` must be divisible by ``groups``.
        groups (int): How many groups the channels form.
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
    # The options come back in the order the node's constructor takes them.
    options = argument.parse_kwargs(
        kwargs, ('groups', 16), ('eps', 2e-5),
        ('running_mean', None), ('running_projection', None),
        ('decay', 0.9))
    return DecorrelatedBatchNormalization(*options).apply((x,))[0]


def fixed_decorrelated_batch_normalization(x, mean, projection, groups=16):
    """Decorrelated batch normalization with given statistics.

    Computes ``projection[g] @ (x_g - mean[g])`` for each channel group
    ``g``, as the decorrelated batch normalization layer does in test mode.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(N, C, ...)``.
        mean (:class:`~chainer.Variable` or :ref:`ndarray`): Means of shape
            ``(groups, C // groups)``.
        projection (:class:`~chainer.Variable` or :ref:`ndarray`): Whitening
            matrices of shape ``(groups, C // groups, C // groups)``.
        groups (int): How many groups the channels form.

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
    node = FixedDecorrelatedBatchNormalization(groups)
    return node.apply((x, mean, projection))[0]
