"""Cross entropy of softmax outputs against integer labels or soft targets."""
import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import log_softmax
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import cast
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import select_item
from chainer_lite.functions.array import transpose
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check
from chainer_lite import variable


def _check_class_weight_option(class_weight):
    if class_weight is not None:
        if class_weight.ndim != 1:
            raise ValueError('class_weight.ndim should be 1')
        if class_weight.dtype.kind != 'f':
            raise ValueError("The dtype of class_weight should be 'f'")
        if isinstance(class_weight, variable.Variable):
            raise ValueError('class_weight should be a numpy.ndarray or '
                             'cupy.ndarray, not a chainer.Variable')


def _check_reduce_option(reduce):
    if reduce not in ('mean', 'no'):
        raise ValueError(
            "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
            'given' % reduce)


def _check_input_values(x, t, ignore_label):
    # Only run in debug mode: it costs a pass over t (and a device sync).
    x = variable.as_array(x)
    if not (((0 <= t) & (t < x.shape[1])) | (t == ignore_label)).all():
        raise ValueError('Each label `t` need to satisfy '
                         '`0 <= t < x.shape[1] or t == %d`' % ignore_label)


def _reduction_dtype(x_dtype):
    # float16 losses are accumulated (and divided) in float32 so that large
    # batches neither overflow nor lose the small terms.
    if x_dtype == numpy.float16:
        return numpy.dtype(numpy.float32)
    return x_dtype


def _class_axis_shape(ndim):
    # Shape that places a (n_class,) vector on axis 1 of an ndim array.
    return tuple([-1 if d == 1 else 1 for d in range(ndim)])


class SoftmaxCrossEntropy(function_node.FunctionNode):

    """Softmax activation followed by a cross entropy loss."""

    normalize = True
    y = None
    # 1 / (number of terms of the mean); used only when reduce == 'mean'.
    _coeff = None
    soft_target = False
    eps = 1e-7

    def __init__(self, normalize=True, cache_score=True, class_weight=None,
                 ignore_label=-1, reduce='mean',
                 soft_target_loss='cross-entropy'):
        self.normalize = normalize
        self.cache_score = cache_score
        _check_class_weight_option(class_weight)
        self.class_weight = class_weight
        self.ignore_label = ignore_label
        _check_reduce_option(reduce)
        self.reduce = reduce
        self.soft_target_loss = soft_target_loss

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        # Evaluated eagerly: a bare expression cannot be branched on when
        # the check is re-run to build the error message.
        if type_check.eval(t_type.dtype.kind) == 'i':
            type_check.expect(
                x_type.dtype.kind == 'f',
                t_type.dtype.kind == 'i',
                t_type.ndim == x_type.ndim - 1,
                x_type.shape[0] == t_type.shape[0],
                x_type.shape[2:] == t_type.shape[1:],
            )
        else:
            # A float t holds soft targets (a distribution per sample).
            type_check.expect(
                x_type.dtype.kind == 'f',
                t_type.dtype.kind == 'f',
                x_type.shape == t_type.shape,
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        if x.ndim == t.ndim and x.shape == t.shape:
            self.soft_target = True
        if chainer_lite.is_debug() and not self.soft_target:
            _check_input_values(x, t, self.ignore_label)

        log_y = log_softmax._log_softmax(x)
        if self.cache_score:
            self.y = xp.exp(log_y)
        if self.soft_target:
            return self._soft_target_loss(xp, x, t, log_y)

        if self.class_weight is not None:
            log_y *= self.class_weight.reshape(_class_axis_shape(x.ndim))
        t_valid = t != self.ignore_label
        # Ignored entries read class 0 and are zeroed by the mask below.
        t_safe = (t * t_valid).ravel()
        log_y = xp.moveaxis(log_y, 1, -1).reshape(t.size, x.shape[1])
        log_p = log_y[xp.arange(t.size), t_safe] * t_valid.ravel()
        if self.reduce == 'no':
            return -log_p.reshape(t.shape),

        count = t_valid.sum() if self.normalize else len(x)
        self._coeff = 1.0 / max(count, 1)
        loss = log_p.sum(dtype=_reduction_dtype(x.dtype)) * -self._coeff
        return xp.asarray(loss).astype(x.dtype, copy=False),

    def _soft_target_loss(self, xp, x, t, log_y):
        if self.soft_target_loss == 'kl-divergence':
            loss = xp.sum(t * (xp.log(t + self.eps) - log_y), axis=1)
        else:
            loss = -xp.sum(t * log_y, axis=1)
        if self.reduce == 'mean':
            self._coeff = 1.0 / (x.size / x.shape[1])
            loss = loss.sum(keepdims=True) * self._coeff
            return loss.reshape(()),
        return loss,

    def backward(self, indexes, grad_outputs):
        grad = _SoftmaxCrossEntropyGrad_NoDoubleBackprop(
            self.ignore_label, self.class_weight, self.y, self._coeff,
            self.soft_target)
        return grad.apply(self.get_retained_inputs() + grad_outputs) + (None,)


class _SoftmaxCrossEntropyGrad_NoDoubleBackprop(function_node.FunctionNode):

    # Gradient with respect to x, computed in one fused pass; it is not
    # differentiable (enable_double_backprop=True selects another path).

    def __init__(self, ignore_label, class_weight, y, coeff, soft_target):
        self.ignore_label = ignore_label
        self.class_weight = class_weight
        self.y = y
        self.coeff = coeff
        self.soft_target = soft_target

    def forward(self, inputs):
        x, t, gloss = inputs
        xp = backend.get_array_module(x)
        if self.y is not None:
            y = self.y
        else:
            y = xp.exp(log_softmax._log_softmax(x))

        if self.soft_target:
            gx = y - t
        else:
            t_valid = xp.expand_dims(t != self.ignore_label, 1)
            t_safe = xp.expand_dims(t, 1) * t_valid
            classes = xp.arange(x.shape[1]).reshape(
                _class_axis_shape(x.ndim))
            gx = y - (classes == t_safe)
            if self.class_weight is not None:
                gx *= self.class_weight[t_safe]
            gx *= t_valid
        if self.coeff is not None:
            gx *= gloss * self.coeff
        else:
            gx *= xp.expand_dims(gloss, 1)
        return gx.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        raise RuntimeError(
            "F.softmax_cross_entropy was called with "
            "'enable_double_backprop=False' argument, but double-backprop "
            "is actually being performed. Please specify "
            "'enable_double_backprop=True' explicitly.")


def _double_backward_softmax_cross_entropy(x, t, normalize, class_weight,
                                           ignore_label, reduce):
    # The same loss composed of differentiable functions, so that it can be
    # differentiated any number of times.
    t = variable.as_array(t)
    _check_class_weight_option(class_weight)
    _check_reduce_option(reduce)
    if chainer_lite.is_debug():
        _check_input_values(x, t, ignore_label)

    loss = -log_softmax.log_softmax(x)
    if class_weight is not None:
        loss = loss * broadcast.broadcast_to(
            class_weight.reshape(_class_axis_shape(x.ndim)), x.shape)
    in_use = (t != ignore_label).astype(x.dtype)

    axes = (0,) + tuple(range(2, x.ndim)) + (1,)
    loss = transpose.transpose(loss, axes)
    loss = reshape.reshape(loss, (-1, loss.shape[-1]))
    # Ignored labels get a valid class index; their loss is masked below.
    t = t.clip(0, loss.shape[1] - 1)
    loss = select_item.select_item(loss, t.ravel())
    loss = reshape.reshape(loss, t.shape) * in_use

    if reduce == 'mean':
        reduc_dtype = _reduction_dtype(x.dtype)
        if normalize:
            count = in_use.astype(reduc_dtype, copy=False).sum()
        else:
            count = len(x)
        count = max(count, 1.)
        if reduc_dtype == loss.dtype:
            loss = _sum.sum(loss / count)
        else:
            loss = cast.cast(loss, reduc_dtype)
            loss = cast.cast(_sum.sum(loss / count), x.dtype)
    return loss


def softmax_cross_entropy(
        x, t, normalize=True, cache_score=True, class_weight=None,
        ignore_label=-1, reduce='mean', enable_double_backprop=False,
        soft_target_loss='cross-entropy'):
    """Computes cross entropy loss for pre-softmax activations.

    Axis 1 of ``x`` indexes the classes; with more than two dimensions the
    softmax is taken along axis 1 at every position of the other axes.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Unnormalized log
            probabilities, of shape ``(N, C, ...)``.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Signed integer
            labels of shape ``(N, ...)``; entries equal to ``ignore_label``
            are ignored. A float ``t`` of ``x``'s shape is taken as soft
            targets (a distribution over the classes per sample).
        normalize (bool): With ``reduce='mean'``, divide by the number of
            non-ignored labels if ``True``, else by the batch size ``N``.
        cache_score (bool): Keep the softmax from the forward pass for the
            backward pass (faster, more memory). Unused when
            ``enable_double_backprop`` is ``True``.
        class_weight (:ref:`ndarray`): Constant weights of shape ``(C,)``
            multiplied to the log-softmax along axis 1 before the loss.
        ignore_label (int): Label value to ignore.
        reduce (str): ``'mean'`` for a scalar loss, ``'no'`` for the loss of
            each sample (0 where ignored) of ``t``'s shape.
        enable_double_backprop (bool): Use an implementation made of
            differentiable functions, so that second (and higher)
            derivatives can be taken; the default is a faster fused one
            that supports first derivatives only.
        soft_target_loss (str): ``'cross-entropy'`` or ``'kl-divergence'``,
            the loss used with soft targets.

    Returns:
        ~chainer.Variable: The loss, of ``x``'s dtype. Differentiable only
        by ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[-1, 0, 1, 2], [2, 0, 1, -1]], np.float32)
        >>> t = np.array([3, 0], np.int32)
        >>> F.softmax_cross_entropy(x, t).array
        array(0.4401896, dtype=float32)
        >>> F.softmax_cross_entropy(x, t, reduce='no').array
        array([0.4401896, 0.4401896], dtype=float32)
    """
    if soft_target_loss not in ('cross-entropy', 'kl-divergence'):
        raise ValueError(
            "soft_target_loss must be 'cross-entropy' or 'kl-divergence'.")
    if not enable_double_backprop:
        func = SoftmaxCrossEntropy(
            normalize, cache_score, class_weight, ignore_label, reduce,
            soft_target_loss)
        loss, = func.apply((x, t))
        return loss
    return _double_backward_softmax_cross_entropy(
        x, t, normalize, class_weight, ignore_label, reduce)
