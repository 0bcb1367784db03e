"""Contrastive loss of pairs labelled similar or dissimilar."""
from chainer_lite import backend
from chainer_lite import function_node
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
        xp = backend.get_array_module(*inputs)
        self.retain_inputs((0, 1, 2))
        x0, x1, y = inputs
        diff = x0 - x1
        dist_sq = xp.sum(diff ** 2, axis=1)
        hinge = xp.maximum(self.margin - xp.sqrt(dist_sq), 0)
        loss = (y * dist_sq + (1 - y) * hinge * hinge) * .5
        if self.reduce == 'mean':
            loss = xp.sum(loss) / x0.shape[0]
        return xp.asarray(loss, dtype=x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1, y = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(gy)
        shape = x0.shape
        diff = x0 - x1
        dist = sqrt.sqrt(_sum.sum(diff ** 2, axis=1))
        mdist = broadcast.broadcast_to(
            (self.margin - dist)[:, None], shape)
        dist = broadcast.broadcast_to(dist[:, None], shape)
        # The distance is kept away from zero, where its derivative is
        # undefined; 1e-7 would overflow in half precision.
        eps = 5e-3 if dist.dtype == 'float16' else 1e-7
        dist = maximum.maximum(dist, xp.full(shape, eps, dtype=dist.dtype))
        mdist = maximum.maximum(mdist, xp.zeros(shape, dtype=mdist.dtype))
        if self.reduce == 'mean':
            alpha = gy / shape[0]
        else:
            alpha = gy[:, None]
        alpha = broadcast.broadcast_to(alpha, shape)
        similar = xp.broadcast_to(y.array[:, None], shape).astype(x0.dtype)
        # similar pairs pull together, dissimilar ones push apart up to the
        # margin.
        gx0 = alpha * similar * diff
        gx0 += alpha * (1 - similar) * mdist * -(diff / dist)
        gx0 = cast.cast(gx0, x0.dtype)
        return gx0, -gx0, None


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
    return Contrastive(margin, reduce).apply((x0, x1, y))[0]
