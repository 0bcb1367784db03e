"""Accuracy of binary (sign of the score) predictions."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class BinaryAccuracy(function_node.FunctionNode):

    """Fraction of non-ignored entries whose predicted label ``y >= 0``
    equals ``t``."""

    ignore_label = -1

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            t_type.shape == x_type.shape,
        )

    def forward(self, inputs):
        y, t = inputs
        xp = backend.get_array_module(y)
        # An ignored label (-1) never equals a prediction (0 or 1).
        n_correct = xp.count_nonzero((y >= 0) == t)
        n_considered = xp.count_nonzero(t != self.ignore_label)
        return xp.asarray(n_correct / xp.maximum(n_considered, 1),
                          dtype=y.dtype),


def binary_accuracy(y, t):
    """Fraction of entries whose sign-based prediction matches ``t``.

    The prediction is 1 where ``y >= 0`` and 0 elsewhere.

    Args:
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Scores (logits).
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Integer labels of
            ``y``'s shape, 0 or 1; entries equal to -1 are ignored.

    Returns:
        ~chainer.Variable: A scalar variable of ``y``'s dtype. The function
        is not differentiable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> y = np.array([[-2.0, 0.0], [3.0, -5.0]])
        >>> t = np.array([[0, 1], [1, -1]], np.int32)
        >>> F.binary_accuracy(y, t).array
        array(1.)
    """
    return BinaryAccuracy().apply((y, t))[0]
