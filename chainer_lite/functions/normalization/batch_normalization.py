"""Batch normalization, with batch statistics or with given ones."""
import collections.abc
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import cast
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import argument
from chainer_lite.utils import type_check


def _validated_axis(axis):
    """Normalizes the ``axis`` option to ``None`` or a sequence of ints."""
    if axis is None:
        return None
    if isinstance(axis, int):
        return (axis,)
    if not isinstance(axis, collections.abc.Sequence):
        raise RuntimeError('axis must be int, tuple of int or None')
    if any(lo >= hi for lo, hi in zip(axis, axis[1:])):
        raise RuntimeError(
            'numbers in axis must be sorted in ascending order')
    return axis


class _ChannelLayout(object):

    """How ``x`` splits into aggregated axes and channel axes.

    ``reduced`` are the axes statistics are taken over, ``channels`` the
    remaining ones (spanned by gamma and beta), and ``expander`` an index that
    reshapes a per-channel array so that it broadcasts against ``x``.
    """

    def __init__(self, x_ndim, gamma_ndim, axis):
        if axis is None:
            # Batch axis plus whatever trails the channel block x[1:1+k].
            axis = (0,) + tuple(range(1 + gamma_ndim, x_ndim))
        self.reduced = tuple(axis)
        self.channels = tuple(
            i for i in range(x_ndim) if i not in self.reduced)
        self.expander = tuple(
            slice(None) if i in self.channels else None
            for i in range(x_ndim))


def _expect_channel_shapes(x_type, gamma_type, axis):
    layout = _ChannelLayout(type_check.eval(x_type.ndim),
                            type_check.eval(gamma_type.ndim), axis)
    type_check.expect(x_type.ndim >= len(layout.reduced))
    type_check.expect(gamma_type.ndim == len(layout.channels))
    for gamma_dim, x_dim in enumerate(layout.channels):
        type_check.expect(x_type.shape[x_dim] == gamma_type.shape[gamma_dim])


def _warn_if_trivial_batch(shape, reduced):
    # Every aggregated axis has length one: the output is all zeros.
    if any(shape[i] != 1 for i in reduced):
        return
    if 0 in reduced:
        warnings.warn(
            'A batch with no more than one sample has been given'
            ' to F.batch_normalization. F.batch_normalization'
            ' will always output a zero tensor for such batches.'
            ' This could be caused by incorrect configuration in'
            ' your code (such as running evaluation while'
            ' chainer.config.train=True),'
            ' but could also happen in the last batch of training'
            ' if non-repeating iterator is used.',
            UserWarning)
    else:
        warnings.warn(
            'F.batch_normalization received a batch with single'
            ' dimensions along all axes that are used for aggregating'
            ' statistics. F.batch_normalization'
            ' will always output a zero tensor for such batches.',
            UserWarning)


def _standardize(x, center, scale):
    # ``(x - center) * scale``; used on raw arrays and on Variables alike.
    return (x - center) * scale


def _inverse_std_and_var(xp, var, eps):
    inv_var = 1 / (var + eps)
    return xp.sqrt(inv_var, dtype=inv_var.dtype), inv_var


def _as_dtype(v, dtype):
    return None if v is None else cast.cast(v, dtype)


def _zeros_for_missing(xp, grads, templates):
    # Upstream gradients of unused outputs arrive as None; treat them as 0.
    return [xp.zeros(t.shape, t.dtype) if g is None else g
            for g, t in zip(grads, templates)]


class BatchNormalization(function_node.FunctionNode):

    """Normalizes ``x`` with its own statistics, then scales and shifts.

    Inputs are ``(x, gamma, beta)``. Running averages of the statistics, when
    given, are updated in place during forward.
    """

    mean = None
    inv_std = None

    def __init__(self, eps=2e-5, mean=None, var=None, decay=0.9, axis=None):
        self.running_mean = mean
        self.running_var = var
        self.eps = eps
        self.decay = decay
        self.axis = _validated_axis(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, gamma_type, beta_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            gamma_type.dtype.kind == 'f',
            gamma_type.dtype == beta_type.dtype,
            gamma_type.shape == beta_type.shape,
        )
        _expect_channel_shapes(x_type, gamma_type, self.axis)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gamma, beta = inputs
        xp = backend.get_array_module(x)
        layout = _ChannelLayout(x.ndim, gamma.ndim, self.axis)
        self.axis = layout.reduced
        self.key_axis = layout.channels
        self.expander = ex = layout.expander
        _warn_if_trivial_batch(x.shape, layout.reduced)

        # Statistics live in the wider of the two input dtypes.
        work = numpy.promote_types(x.dtype, gamma.dtype)
        mean = x.mean(axis=layout.reduced, dtype=work)
        var = x.var(axis=layout.reduced, dtype=work)
        self.mean = mean
        self.inv_std = 1 / xp.sqrt(var + self.eps, dtype=work)

        scale = self.inv_std * gamma.astype(work, copy=False)
        y = _standardize(x, mean[ex], scale[ex]) + beta[ex]

        if self.running_mean is not None:
            n = x.size // gamma.size
            # The running variance tracks the unbiased estimate.
            unbiased = var * (n / max(n - 1., 1.))
            keep = self.decay
            for running, batch in ((self.running_mean, mean),
                                   (self.running_var, unbiased)):
                running *= keep
                running += (1 - keep) * batch
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        x, gamma = self.get_retained_inputs()
        node = BatchNormalizationGrad(
            self.eps, self.expander, self.axis, self.mean, self.inv_std,
            self.key_axis)
        return node.apply((x, gamma) + tuple(grad_outputs))


class BatchNormalizationGrad(function_node.FunctionNode):

    """First-order gradients of batch normalization.

    Maps ``(x, gamma, gy)`` to ``(gx, ggamma, gbeta)`` and is itself
    differentiable, which gives double backprop.
    """

    def __init__(self, eps, expander, axis, mean, inv_std, key_axis):
        self.eps = eps
        self.expander = expander
        self.axis = axis
        self.mean = mean
        self.inv_std = inv_std
        self.key_axis = key_axis

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        self.retain_outputs((1,))
        x, gamma, gy = inputs
        ex, axis = self.expander, self.axis
        x_hat = _standardize(x, self.mean[ex], self.inv_std[ex])
        gbeta = gy.sum(axis=axis, dtype=gamma.dtype)
        ggamma = (x_hat * gy).sum(axis=axis, dtype=gamma.dtype)
        n = x.size // gamma.size
        # Remove the parts of gy explained by the mean and by x_hat.
        residual = gy - (gbeta[ex] + x_hat * ggamma[ex]) / n
        gx = (self.inv_std * gamma)[ex] * residual
        return gx.astype(x.dtype, copy=False), ggamma, gbeta

    def backward(self, indexes, grad_outputs):
        x, gamma, gy = self.get_retained_inputs()
        ggamma, = self.get_retained_outputs()
        gamma_dtype = gamma.dtype
        ex, axis = self.expander, self.axis
        n = x.size // gamma.size
        xp = backend.get_array_module(x)

        # Everything below runs in x's dtype.
        gamma, ggamma = cast.cast(gamma, x.dtype), cast.cast(ggamma, x.dtype)
        up_gx, up_ggamma, up_gbeta = _zeros_for_missing(
            xp, grad_outputs, (x, gamma, gamma))
        up_ggamma = _as_dtype(up_ggamma, x.dtype)
        up_gbeta = _as_dtype(up_gbeta, x.dtype)

        def mean_over(v):
            return _sum.sum(v, axis=axis) / n

        inv_std = self.inv_std
        x_hat = _standardize(x, self.mean[ex], inv_std[ex])
        scale = gamma * inv_std
        gbeta = _sum.sum(gy, axis=axis)
        residual = gy - (gbeta[ex] + x_hat * ggamma[ex]) / n
        # <up_gx, gx> = scale * q, and gx is linear in scale.
        q = _sum.sum(up_gx * residual, axis=axis)
        g_gamma = inv_std * q
        # The upstream gradients as seen by ggamma and gbeta once the
        # dependence of gx on them is folded in.
        eff_ggamma = up_ggamma - scale * mean_over(up_gx * x_hat)
        eff_gbeta = up_gbeta - scale * mean_over(up_gx)
        g_gy = (eff_ggamma[ex] * x_hat + eff_gbeta[ex]
                + scale[ex] * up_gx)

        # Gradient with respect to x_hat, then through the batch
        # standardization (mean and inv_std depend on x; the latter also
        # receives scale * q / inv_std through gx).
        g_hat = eff_ggamma[ex] * gy - (scale * ggamma / n)[ex] * up_gx
        shift = mean_over(g_hat)
        tilt = mean_over(g_hat * x_hat) + scale * q / n
        g_x = inv_std[ex] * (g_hat - shift[ex] - x_hat * tilt[ex])
        return (cast.cast(g_x, x.dtype), cast.cast(g_gamma, gamma_dtype),
                cast.cast(g_gy, gy.dtype))


class FixedBatchNormalization(function_node.FunctionNode):

    """Normalizes ``x`` with given statistics, then scales and shifts.

    Inputs are ``(x, gamma, beta, mean, var)``; all are differentiable.
    """

    inv_std = None
    inv_var = None

    def __init__(self, eps=2e-5, axis=None):
        self.eps = eps
        self.axis = _validated_axis(axis)

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 5)
        x_type, gamma_type = in_types[0], in_types[1]
        type_check.expect(
            x_type.dtype.kind == 'f', gamma_type.dtype.kind == 'f')
        for other in (in_types[2], in_types[3], in_types[4]):
            type_check.expect(other.dtype == gamma_type.dtype)
        for other in (in_types[2], in_types[3], in_types[4]):
            type_check.expect(other.shape == gamma_type.shape)
        _expect_channel_shapes(x_type, gamma_type, self.axis)

    def forward(self, inputs):
        self.retain_inputs((0, 1, 3, 4))
        x, gamma, beta, mean, var = inputs
        xp = backend.get_array_module(x)
        layout = _ChannelLayout(x.ndim, gamma.ndim, self.axis)
        self.axis = layout.reduced
        self.key_axis = layout.channels
        self.expander = ex = layout.expander

        self.inv_std, self.inv_var = _inverse_std_and_var(xp, var, self.eps)
        y = _standardize(x, mean[ex], (self.inv_std * gamma)[ex]) + beta[ex]
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        retained = self.get_retained_inputs()
        node = FixedBatchNormalizationGrad(
            self.eps, self.expander, self.axis, inv_std=self.inv_std,
            inv_var=self.inv_var)
        return node.apply(retained + tuple(grad_outputs))


class FixedBatchNormalizationGrad(function_node.FunctionNode):

    """First-order gradients of fixed batch normalization.

    Maps ``(x, gamma, mean, var, gy)`` to
    ``(gx, ggamma, gbeta, gmean, gvar)``; differentiable once more.
    """

    def __init__(self, eps, expander, axis, inv_std, inv_var):
        self.eps = eps
        self.expander = expander
        self.axis = axis
        self.inv_std = inv_std
        self.inv_var = inv_var

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2, 4))
        self.retain_outputs((1, 2))
        x, gamma, mean, var, gy = inputs
        ex, axis = self.expander, self.axis
        if self.inv_std is None or self.inv_var is None:
            self.inv_std, self.inv_var = _inverse_std_and_var(
                backend.get_array_module(x), var, self.eps)
        scale = gamma * self.inv_std
        x_hat = _standardize(x, mean[ex], self.inv_std[ex])
        gbeta = gy.sum(axis=axis, dtype=gamma.dtype)
        ggamma = (gy * x_hat).sum(axis=axis)
        # y is linear in beta - scale * mean, and depends on var only
        # through inv_std (d inv_std / d var = -inv_std * inv_var / 2).
        gmean = -(scale * gbeta)
        gvar = (-0.5 * self.inv_var * gamma * ggamma).astype(
            var.dtype, copy=False)
        return ((scale[ex] * gy).astype(x.dtype), ggamma, gbeta, gmean,
                gvar)

    def backward(self, indexes, grad_outputs):
        x, gamma, mean, gy = self.get_retained_inputs()
        ggamma, gbeta = self.get_retained_outputs()
        xp = backend.get_array_module(x)
        up_gx, up_ggamma, up_gbeta, up_gmean, up_gvar = _zeros_for_missing(
            xp, grad_outputs, (x, gamma, gamma, mean, mean))
        in_dtypes = gamma.dtype, mean.dtype
        if x.dtype != gamma.dtype:
            (gamma, ggamma, gbeta, mean, up_ggamma, up_gbeta, up_gmean,
             up_gvar) = [cast.cast(v, x.dtype) for v in (
                 gamma, ggamma, gbeta, mean, up_ggamma, up_gbeta, up_gmean,
                 up_gvar)]

        ex, axis = self.expander, self.axis
        inv_std, inv_var = self.inv_std, self.inv_var
        scale = gamma * inv_std
        x_hat = _standardize(x, mean[ex], inv_std[ex])

        # The loss seen here is scale * <up_gx, gy> + eff_ggamma * ggamma
        # + eff_gbeta * gbeta with ggamma, gbeta the sums over gy computed
        # in forward; differentiate it with respect to each input.
        eff_ggamma = up_ggamma - 0.5 * up_gvar * gamma * inv_var
        eff_gbeta = up_gbeta - up_gmean * scale
        g_gy = (eff_ggamma[ex] * x_hat + eff_gbeta[ex]
                + scale[ex] * up_gx)
        g_x_hat = eff_ggamma[ex] * gy
        g_x = inv_std[ex] * g_x_hat
        g_mean = -inv_std * _sum.sum(g_x_hat, axis=axis)
        g_scale = _sum.sum(up_gx * gy, axis=axis) - up_gmean * gbeta
        g_gamma = inv_std * g_scale - 0.5 * inv_var * up_gvar * ggamma
        g_var = -0.5 * inv_var * (
            scale * g_scale
            + (up_ggamma - 1.5 * up_gvar * gamma * inv_var) * ggamma)
        return (cast.cast(g_x, x.dtype), cast.cast(g_gamma, in_dtypes[0]),
                cast.cast(g_mean, in_dtypes[1]),
                cast.cast(g_var, in_dtypes[1]), cast.cast(g_gy, gy.dtype))


def batch_normalization(x, gamma, beta, **kwargs):
    """batch_normalization(x, gamma, beta, eps=2e-5, running_mean=None, \
running_var=None, decay=0.9, axis=None)

    Batch normalization function.

    Normalizes ``x`` with the mean and variance over the aggregated axes
    and applies the per-channel affine map
    :math:`y = \\gamma \\hat{x} + \\beta`. ``gamma`` and ``beta`` share one
    shape, the channel shape; by default it matches ``x.shape[1:1 + k]``
    (``k = gamma.ndim``) and statistics are taken over axis 0 and the axes
    after the channels.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Batch to
            normalize.
        gamma (:class:`~chainer.Variable` or :ref:`ndarray`): Scale.
        beta (:class:`~chainer.Variable` or :ref:`ndarray`): Shift, of
            ``gamma``'s shape and dtype.
        eps (float): Added to the variance for numerical stability.
        running_mean (:ref:`ndarray`): Running average of the mean, updated
            in place as ``decay * running_mean + (1 - decay) * mean``, or
            ``None``.
        running_var (:ref:`ndarray`): Running average of the (unbiased)
            variance, updated in place likewise, or ``None``.
        decay (float): Decay rate of the running averages.
        axis (int, tuple of int or None): Axes to aggregate over, in
            ascending order; ``None`` means the default above.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1, 2], [3, 6]], np.float32)
        >>> gamma, beta = np.ones(2, np.float32), np.zeros(2, np.float32)
        >>> F.batch_normalization(x, gamma, beta, eps=0.0).array
        array([[-1., -1.],
               [ 1.,  1.]], dtype=float32)
    """
    # parse_kwargs yields the options in the order the node takes them.
    options = argument.parse_kwargs(
        kwargs, ('eps', 2e-5), ('running_mean', None), ('running_var', None),
        ('decay', 0.9), ('axis', None),
        train='train argument is not supported anymore. '
        'Use chainer.using_config')
    return BatchNormalization(*options).apply((x, gamma, beta))[0]


def fixed_batch_normalization(x, gamma, beta, mean, var, eps=2e-5, axis=None):
    """Batch normalization with given (e.g. running) statistics.

    Computes :math:`y = \\gamma (x - \\mu) / \\sqrt{\\sigma^2 + \\epsilon}
    + \\beta` with the given ``mean`` and ``var`` instead of batch
    statistics, as the batch normalization layer does in test mode.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Array to
            normalize.
        gamma (:class:`~chainer.Variable` or :ref:`ndarray`): Scale.
        beta (:class:`~chainer.Variable` or :ref:`ndarray`): Shift.
        mean (:class:`~chainer.Variable` or :ref:`ndarray`): Mean.
        var (:class:`~chainer.Variable` or :ref:`ndarray`): Variance.
        eps (float): Added to the variance for numerical stability.
        axis (int, tuple of int or None): Axes aggregated over, as in
            :func:`~chainer.functions.batch_normalization`.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1, 2], [3, 6]], np.float32)
        >>> one, zero = np.ones(2, np.float32), np.zeros(2, np.float32)
        >>> F.fixed_batch_normalization(x, one, zero, one, one, eps=0.0).array
        array([[0., 1.],
               [2., 5.]], dtype=float32)
    """
    return FixedBatchNormalization(eps, axis).apply(
        (x, gamma, beta, mean, var))[0]
