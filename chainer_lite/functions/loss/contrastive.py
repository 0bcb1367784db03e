"""Contrastive loss of pairs labelled similar or dissimilar."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import relu
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import cast
from chainer_lite.functions.math import maximum
from chainer_lite.functions.math import sqrt
from chainer_lite.functions.math import sum as _sum
from chainer_lite.utils import type_check


class Contrastive(function_node.FunctionNode):

    """Contrastive loss."""

    def __init__(self, margin, reduce='mean'):
        if margin <= 0:
            raise ValueError('margin should be positive value.')
        self.margin = margin
        if reduce not in ('mean', 'no'):
            raise ValueError(
                "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
                'given' % reduce)
        self.reduce = reduce

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1', 'y'))
        x0_type, x1_type, y_type = in_types
        type_check.expect(
            x0_type.dtype.kind == 'f',
            x0_type.dtype == x1_type.dtype,
            y_type.dtype.kind == 'i',
            x0_type.shape == x1_type.shape,
            x1_type.shape[0] == y_type.shape[0],
            x1_type.shape[0] > 0,
            x0_type.ndim == 2,
            x1_type.ndim == 2,
            y_type.ndim == 1
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        x0, x1, y = inputs
        xp = backend.get_array_module(x0)
        dist_sq = xp.square(x0 - x1).sum(axis=1)
        shortfall = xp.maximum(self.margin - xp.sqrt(dist_sq), 0)
        per_pair = 0.5 * (y * dist_sq + (1 - y) * shortfall * shortfall)
        if self.reduce == 'mean':
            per_pair = per_pair.sum() / len(x0)
        return xp.asarray(per_pair, dtype=x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1, y = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(x0)
        n = len(x0)
        diff = x0 - x1
        dist = sqrt.sqrt(_sum.sum(diff * diff, axis=1))
        # Bounded away from zero, where d dist / d x is undefined (1e-7
        # would overflow once inverted in half precision).
        floor = 5e-3 if dist.dtype == 'float16' else 1e-7
        safe_dist = maximum.maximum(dist, xp.full(n, floor, dist.dtype))
        # Per pair, d loss / d x0 = coeff * diff: 1 for similar pairs,
        # -max(margin - dist, 0) / dist for dissimilar ones.
        similar = y.array.astype(x0.dtype)
        push = relu.relu(self.margin - dist) / safe_dist
        coeff = similar - (1 - similar) * push
        row_g = broadcast.broadcast_to(gy / n, (n,)) \
            if self.reduce == 'mean' else gy
        g0 = broadcast.broadcast_to(
            (row_g * coeff)[:, None], x0.shape) * diff
        g0 = cast.cast(g0, x0.dtype)
        return g0, -g0, None


def contrastive(x0, x1, y, margin=1, reduce='mean'):
    """Computes contrastive loss.

    For each pair with distance :math:`d_n = \\|x_{0,n} - x_{1,n}\\|_2` the
    loss is :math:`\\frac{1}{2}(y_n d_n^2 + (1 - y_n)
    \\max(\\text{margin} - d_n, 0)^2)`: similar pairs (:math:`y_n = 1`) are
    pulled together and dissimilar ones (:math:`y_n = 0`) pushed apart up to
    the margin.

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): First inputs, of
            shape ``(N, K)``.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Second inputs, of
            ``x0``'s shape.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Integer labels of
            shape ``(N,)``, 1 for similar and 0 for dissimilar pairs.
        margin (float): A positive margin.
        reduce (str): ``'mean'`` (sum divided by ``N``) or ``'no'`` (the
            loss of each pair).

    Returns:
        ~chainer.Variable: The loss, of ``x0``'s dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x0 = np.array([[0., 0.], [0., 0.]], np.float32)
        >>> x1 = np.array([[0.6, 0.8], [0.3, 0.4]], np.float32)
        >>> y = np.array([1, 0], np.int32)
        >>> F.contrastive(x0, x1, y, reduce='no').array
        array([0.5  , 0.125], dtype=float32)
    """
    node = Contrastive(margin, reduce=reduce)
    return node.apply((x0, x1, y))[0]
