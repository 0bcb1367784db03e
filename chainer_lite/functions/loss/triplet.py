"""Triplet loss: anchor closer to the positive than to the negative."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.utils import type_check


_INPUT_NAMES = ('anchor', 'positive', 'negative')


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

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, _INPUT_NAMES)
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
        anchor, positive, negative = inputs
        xp = backend.get_array_module(anchor)
        to_positive = xp.square(anchor - positive).sum(axis=1)
        to_negative = xp.square(anchor - negative).sum(axis=1)
        self.dist_hinge = xp.maximum(
            to_positive - to_negative + self.margin, 0)
        loss = self.dist_hinge
        if self.reduce == 'mean':
            loss = loss.sum() / len(anchor)
        return xp.asarray(loss, dtype=anchor.dtype),

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        anchor = inputs[0]
        gy, = grad_outputs
        n = len(anchor)
        # Only triplets inside the margin have a gradient.
        active = (self.dist_hinge > 0).astype(anchor.dtype)[:, None]
        per_row = broadcast.broadcast_to(gy / n, (n,)) \
            if self.reduce == 'mean' else gy
        weight = broadcast.broadcast_to(
            per_row[:, None], anchor.shape) * (2 * active)
        # d/da = 2 (n - p), d/dp = 2 (p - a), d/dn = 2 (a - n)
        pairs = {0: (2, 1), 1: (1, 0), 2: (0, 2)}
        return [weight * (inputs[pairs[i][0]] - inputs[pairs[i][1]])
                for i in indexes]


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
    node = Triplet(margin, reduce=reduce)
    return node.apply((anchor, positive, negative))[0]
