"""Cross entropy of sigmoid outputs against binary labels."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import sum as _sum
from chainer_lite import utils
from chainer_lite.utils import type_check


class SigmoidCrossEntropy(function_node.FunctionNode):

    """Binary cross entropy of ``sigmoid(x)`` against labels ``t``."""

    ignore_label = -1

    def __init__(self, normalize=True, reduce='mean'):
        self.normalize = normalize
        if reduce not in ('mean', 'no'):
            raise ValueError(
                "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
                'given' % reduce)
        self.reduce = reduce
        self.count = None

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            x_type.shape == t_type.shape
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        self.ignore_mask = t != self.ignore_label
        # -(t log y + (1 - t) log(1 - y)) with y = sigmoid(x) equals
        # softplus(x) - t x; logaddexp(0, x) is softplus without overflow.
        per_entry = (xp.logaddexp(0, x) - x * t) * self.ignore_mask
        if self.reduce == 'no':
            return utils.force_array(per_entry.astype(x.dtype)),
        if self.normalize:
            self.count = xp.maximum(1, self.ignore_mask.sum())
        else:
            self.count = max(1, len(x))
        return utils.force_array(
            xp.divide(per_entry.sum(), self.count), dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        x, t = self.get_retained_inputs()
        node = SigmoidCrossEntropyGrad(
            self.reduce, self.count, self.ignore_mask, t.array)
        return node.apply((x,) + tuple(grad_outputs))[0], None


class SigmoidCrossEntropyGrad(function_node.FunctionNode):

    """Gradient of the sigmoid cross entropy with respect to ``x``:
    ``(x, gy) -> gy * (sigmoid(x) - t)``, masked and scaled like the loss."""

    def __init__(self, reduce, count, ignore_mask, t):
        self.reduce = reduce
        self.count = count
        self.ignore_mask = ignore_mask
        self.t = t

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        xp = backend.get_array_module(x)
        y, = sigmoid.Sigmoid().forward((x,))
        residual = xp.where(self.ignore_mask, y - self.t, 0) * gy
        if self.reduce == 'mean':
            residual = xp.divide(residual, self.count)
        return utils.force_array(residual.astype(y.dtype, copy=False)),

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        y = sigmoid.sigmoid(x)
        # Upstream gradient of this node's output, as seen by each entry.
        weight = grad_outputs[0] * self.ignore_mask
        if self.reduce == 'mean':
            weight = weight / self.count
        gx = y * (1 - y) * broadcast.broadcast_to(gy, y.shape) * weight
        ggy = (y - self.t.astype(y.dtype)) * weight
        if self.reduce == 'mean':
            ggy = _sum.sum(ggy)
        return gx, ggy


def sigmoid_cross_entropy(x, t, normalize=True, reduce='mean'):
    """Binary cross entropy of logits against 0/1 labels.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Unnormalized log
            probabilities (logits) of the positive class, any shape.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Signed integer
            labels of ``x``'s shape, each 0 or 1; entries equal to ``-1``
            are ignored.
        normalize (bool): With ``reduce='mean'``, divide the summed loss by
            the number of non-ignored entries if ``True``, or by the batch
            size ``len(x)`` if ``False``.
        reduce (str): ``'mean'`` for a scalar loss, ``'no'`` for the
            elementwise loss (zero where ignored; ``normalize`` is unused).

    Returns:
        ~chainer.Variable: The loss, of ``x``'s dtype; a scalar if
        ``reduce='mean'``, else of ``x``'s shape. Differentiable only by
        ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[-2.0, 3.0, 0.5], [5.0, 2.0, -0.5]], np.float32)
        >>> t = np.array([[0, 1, 0], [1, 1, -1]], np.int32)
        >>> F.sigmoid_cross_entropy(x, t).array
        array(0.25664714, dtype=float32)
        >>> F.sigmoid_cross_entropy(x, t, reduce='no').shape
        (2, 3)
    """
    node = SigmoidCrossEntropy(normalize=normalize, reduce=reduce)
    return node.apply((x, t))[0]
