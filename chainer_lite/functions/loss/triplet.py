"""Triplet loss: anchor closer to the positive than to the negative."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.utils import type_check


class Triplet(function_node.FunctionNode):

    """Triplet loss function."""

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
        type_check._argname(in_types, ('anchor', 'positive', 'negative'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].dtype == in_types[2].dtype,
            in_types[0].shape == in_types[1].shape,
            in_types[0].shape == in_types[2].shape,
            in_types[0].shape[0] > 0
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        xp = backend.get_array_module(*inputs)
        anchor, positive, negative = inputs
        dist = xp.sum((anchor - positive) ** 2 - (anchor - negative) ** 2,
                      axis=1) + self.margin
        self.dist_hinge = xp.maximum(dist, 0)
        if self.reduce == 'mean':
            loss = xp.sum(self.dist_hinge) / anchor.shape[0]
        else:
            loss = self.dist_hinge
        return xp.asarray(loss, dtype=anchor.dtype),

    def backward(self, indexes, grad_outputs):
        anchor, positive, negative = self.get_retained_inputs()
        gy, = grad_outputs
        shape = anchor.shape
        xp = backend.get_array_module(anchor)
        # Triplets within the margin are the only ones with a gradient.
        active = xp.broadcast_to(
            self.dist_hinge[:, None] > 0, shape).astype(anchor.dtype)
        g = gy / shape[0] if self.reduce == 'mean' else gy[:, None]
        coeff = 2 * broadcast.broadcast_to(g, shape) * active
        ret = []
        if 0 in indexes:
            ret.append(coeff * (negative - positive))
        if 1 in indexes:
            ret.append(coeff * (positive - anchor))
        if 2 in indexes:
            ret.append(coeff * (anchor - negative))
        return ret


def triplet(anchor, positive, negative, margin=0.2, reduce='mean'):
    """Computes triplet loss.

    For each triplet the loss is :math:`\\max(\\|a - p\\|^2 - \\|a - n\\|^2
    + \\text{margin}, 0)` (squared Euclidean distances).

    Args:
        anchor (:class:`~chainer.Variable` or :ref:`ndarray`): Anchors, of
            shape ``(N, K)``.
        positive (:class:`~chainer.Variable` or :ref:`ndarray`): Examples of
            the anchors' class, of the same shape.
        negative (:class:`~chainer.Variable` or :ref:`ndarray`): Examples of
            other classes, of the same shape.
        margin (float): A positive margin.
        reduce (str): ``'mean'`` or ``'no'`` (the loss of each triplet).

    Returns:
        ~chainer.Variable: The loss, of the inputs' dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> a = np.array([[0., 0.]], np.float32)
        >>> p = np.array([[0., 1.]], np.float32)
        >>> n = np.array([[1., 1.]], np.float32)
        >>> F.triplet(a, p, n, margin=2.0).array
        array(1., dtype=float32)
    """
    return Triplet(margin, reduce).apply((anchor, positive, negative))[0]
