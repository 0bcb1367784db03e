"""Cross entropy of softmax outputs against integer labels or soft targets."""
import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import log_softmax
from chainer_lite.functions.array import cast
from chainer_lite.functions.array import moveaxis
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import select_item
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check
from chainer_lite import variable


def _validate_class_weight(class_weight):
    if class_weight is None:
        return
    if class_weight.ndim != 1:
        raise ValueError('class_weight.ndim should be 1')
    if class_weight.dtype.kind != 'f':
        raise ValueError("The dtype of class_weight should be 'f'")
    if isinstance(class_weight, variable.Variable):
        raise ValueError('class_weight should be a numpy.ndarray or '
                         'cupy.ndarray, not a chainer.Variable')


def _validate_reduce(reduce):
    if reduce in ('mean', 'no'):
        return
    raise ValueError(
        "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
        'given' % reduce)


def _validate_labels(x, t, ignore_label):
    # Only run in debug mode: it costs a pass over t (and a device sync).
    n_class = variable.as_array(x).shape[1]
    in_range = (t >= 0) & (t < n_class)
    if not (in_range | (t == ignore_label)).all():
        raise ValueError('Each label `t` need to satisfy '
                         '`0 <= t < x.shape[1] or t == %d`' % ignore_label)


def _accumulation_dtype(dtype):
    # Half-precision losses are summed (and divided) in single precision so
    # that large batches neither overflow nor drop the small terms.
    return numpy.dtype(numpy.float32) if dtype == numpy.float16 else dtype


class SoftmaxCrossEntropy(function_node.FunctionNode):

    """Cross entropy of ``softmax(x)`` against labels or soft targets."""

    normalize = True
    y = None
    # 1 / (number of terms of the mean); used only when reduce == 'mean'.
    _coeff = None
    soft_target = False
    eps = 1e-7

    def __init__(self, normalize=True, cache_score=True, class_weight=None,
                 ignore_label=-1, reduce='mean',
                 soft_target_loss='cross-entropy'):
        _validate_class_weight(class_weight)
        _validate_reduce(reduce)
        self.normalize = normalize
        self.cache_score = cache_score
        self.class_weight = class_weight
        self.ignore_label = ignore_label
        self.reduce = reduce
        self.soft_target_loss = soft_target_loss

    @type_check._inputs_only
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
        self.soft_target = x.shape == t.shape
        if chainer_lite.is_debug() and not self.soft_target:
            _validate_labels(x, t, self.ignore_label)

        log_y = log_softmax._log_softmax(x)
        if self.cache_score:
            self.y = xp.exp(log_y)
        if self.soft_target:
            return self._soft_target_loss(xp, x, t, log_y)

        valid = t != self.ignore_label
        # Ignored positions read class 0; the mask zeroes them afterwards.
        labels = xp.where(valid, t, 0)
        picked = xp.take_along_axis(
            log_y, xp.expand_dims(labels, 1), axis=1)[:, 0]
        if self.class_weight is not None:
            picked = picked * self.class_weight[labels]
        losses = -picked * valid
        if self.reduce == 'no':
            return losses.astype(x.dtype, copy=False),

        denominator = valid.sum() if self.normalize else len(x)
        self._coeff = 1.0 / max(denominator, 1)
        total = losses.sum(dtype=_accumulation_dtype(x.dtype))
        return xp.asarray(total * self._coeff).astype(x.dtype, copy=False),

    def _soft_target_loss(self, xp, x, t, log_y):
        if self.soft_target_loss == 'kl-divergence':
            per_sample = (t * (xp.log(t + self.eps) - log_y)).sum(axis=1)
        else:
            per_sample = -(t * log_y).sum(axis=1)
        if self.reduce != 'mean':
            return per_sample,
        # The mean over every position other than the class axis.
        self._coeff = x.shape[1] / x.size
        return xp.asarray(per_sample.sum() * self._coeff, per_sample.dtype),

    def backward(self, indexes, grad_outputs):
        grad = _SoftmaxCrossEntropyGrad_NoDoubleBackprop(
            ignore_label=self.ignore_label, class_weight=self.class_weight,
            y=self.y, coeff=self._coeff, soft_target=self.soft_target)
        gx, = grad.apply(self.get_retained_inputs() + grad_outputs)
        return gx, None


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
        y = self.y
        if y is None:
            y = xp.exp(log_softmax._log_softmax(x))

        if self.soft_target:
            gx = y - t
            scale = gloss * self.coeff if self.coeff is not None else \
                xp.expand_dims(gloss, 1)
            gx *= scale
            return gx.astype(x.dtype, copy=False),

        # d loss / d x = (y - onehot(t)) * scale, where every position of t
        # has a single scale (the loss gradient, the class weight of its
        # label, 0 where ignored): y is scaled in one pass, then the scale
        # is taken off at each label.
        valid = t != self.ignore_label
        labels = xp.where(valid, t, 0)
        if self.coeff is not None:
            scale = valid * (gloss * self.coeff)
        else:
            scale = valid * gloss
        if self.class_weight is not None:
            scale = scale * self.class_weight[labels]
        scale = scale.astype(y.dtype, copy=False)
        gx = y * xp.expand_dims(scale, 1)
        # Index arrays that broadcast to t's shape, one per axis of t; the
        # labels index the class axis (1) of gx.
        positions = [
            xp.arange(n).reshape((-1,) + (1,) * (t.ndim - 1 - axis))
            for axis, n in enumerate(t.shape)]
        positions.insert(1, labels)
        gx[tuple(positions)] -= scale
        return gx.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        raise RuntimeError(
            "F.softmax_cross_entropy was called with "
            "'enable_double_backprop=False' argument, but double-backprop "
            "is actually being performed. Please specify "
            "'enable_double_backprop=True' explicitly.")


def _composed_softmax_cross_entropy(x, t, normalize, class_weight,
                                    ignore_label, reduce):
    # The same loss built from differentiable functions, so that it can be
    # differentiated any number of times.
    t = variable.as_array(t)
    _validate_class_weight(class_weight)
    _validate_reduce(reduce)
    if chainer_lite.is_debug():
        _validate_labels(x, t, ignore_label)
    xp = backend.get_array_module(t)

    # One row of log-probabilities per label, classes last.
    rows = reshape.reshape(
        moveaxis.moveaxis(log_softmax.log_softmax(x), 1, -1),
        (t.size, x.shape[1]))
    valid = (t != ignore_label).ravel()
    labels = xp.where(valid, t.ravel(), 0)
    weight = valid.astype(x.dtype)
    if class_weight is not None:
        weight = weight * class_weight[labels]
    losses = -select_item.select_item(rows, labels) * weight
    losses = reshape.reshape(losses, t.shape)
    if reduce == 'no':
        return losses

    denominator = float(max(valid.sum() if normalize else len(x), 1))
    acc = _accumulation_dtype(x.dtype)
    return cast.cast(_sum.sum(cast.cast(losses, acc)) / denominator,
                     x.dtype)


def softmax_cross_entropy(
        x, t, normalize=True, cache_score=True, class_weight=None,
        ignore_label=-1, reduce='mean', enable_double_backprop=False,
        soft_target_loss='cross-entropy'):
    """Cross entropy of the softmax of ``x`` against labels ``t``.

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
    if enable_double_backprop:
        return _composed_softmax_cross_entropy(
            x, t, normalize, class_weight, ignore_label, reduce)
    node = SoftmaxCrossEntropy(
        normalize=normalize, cache_score=cache_score,
        class_weight=class_weight, ignore_label=ignore_label, reduce=reduce,
        soft_target_loss=soft_target_loss)
    return node.apply((x, t))[0]
