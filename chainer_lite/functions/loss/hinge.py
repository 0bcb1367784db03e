"""Hinge loss of multiclass scores (one-vs-rest, L1 or L2)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import relu
from chainer_lite.functions.array import broadcast
from chainer_lite.utils import type_check


def _signs(x, t):
    # -1 at each sample's true class, +1 elsewhere.
    xp = backend.get_array_module(x)
    signs = xp.ones_like(x)
    signs[xp.arange(len(x)), t] = -1
    return signs


class Hinge(function_node.FunctionNode):

    """Hinge loss."""

    def __init__(self, norm='L1', reduce='mean'):
        if norm in ['L1', 'L2']:
            self.norm = norm
        else:
            raise NotImplementedError("norm should be either 'L1' or 'L2'")
        if reduce in ['mean', 'no']:
            self.reduce = reduce
        else:
            raise ValueError(
                "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
                'given' % reduce)

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, t = inputs
        xp = backend.get_array_module(x)
        self.signs = _signs(x, t)
        margin = xp.maximum(0, 1 + self.signs * x)
        loss = margin if self.norm == 'L1' else margin * margin
        if self.reduce == 'mean':
            loss = loss.sum() / x.dtype.type(len(x))
        return xp.asarray(loss, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        if self.reduce == 'mean':
            gy = broadcast.broadcast_to(gy / len(x), x.shape)
        if self.norm == 'L1':
            gx = gy * (self.signs * (1 + self.signs * x.array > 0))
        else:
            gx = 2 * gy * self.signs * relu.relu(1 + self.signs * x)
        return gx, None


def hinge(x, t, norm='L1', reduce='mean'):
    """Multiclass (one-vs-rest) hinge loss.

    With :math:`s_{nk} = -1` if :math:`k = t_n` and :math:`+1` otherwise,
    the elementwise loss is :math:`\\max(0, 1 + s_{nk} x_{nk})^p` with
    :math:`p = 1` (``'L1'``) or :math:`p = 2` (``'L2'``).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Scores of shape
            ``(N, K)``.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Integer labels of
            shape ``(N,)``.
        norm (str): ``'L1'`` or ``'L2'``.
        reduce (str): ``'mean'`` sums the loss and divides by ``N``;
            ``'no'`` keeps the elementwise ``(N, K)`` loss.

    Returns:
        ~chainer.Variable: The loss, of ``x``'s dtype. Differentiable only
        by ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[0.5, -0.5]], np.float32)
        >>> F.hinge(x, np.array([0], np.int32), reduce='no').array
        array([[0.5, 0.5]], dtype=float32)
    """
    return Hinge(norm, reduce).apply((x, t))[0]
