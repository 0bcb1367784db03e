"""Multiclass classification accuracy of a minibatch."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class Accuracy(function_node.FunctionNode):

    """Fraction of samples whose arg-max score is the true label."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
        )
        t_ndim = type_check.eval(t_type.ndim)
        type_check.expect(
            x_type.ndim >= t_type.ndim,
            x_type.shape[0] == t_type.shape[0],
            x_type.shape[2:t_ndim + 1] == t_type.shape[1:],
        )
        # Axes of x beyond those matched with t must be singletons.
        for i in range(t_ndim + 1, type_check.eval(x_type.ndim)):
            type_check.expect(x_type.shape[i] == 1)

    def forward(self, inputs):
        y, t = inputs
        xp = backend.get_array_module(y)
        hit = y.argmax(axis=1).reshape(t.shape) == t
        if self.ignore_label is None:
            return xp.asarray(hit.mean(dtype=y.dtype)),
        considered = t != self.ignore_label
        n_hit = xp.count_nonzero(hit & considered)
        # With nothing to count the accuracy is 0 (and so is n_hit).
        n_considered = xp.maximum(xp.count_nonzero(considered), 1)
        return xp.asarray(n_hit / n_considered, dtype=y.dtype),


def accuracy(y, t, ignore_label=None):
    """Fraction of samples whose highest score is at the true label.

    The predicted label of sample :math:`(i, k, \\dots)` is
    :math:`\\operatorname{argmax}_j y(i, j, k, \\dots)`.

    Args:
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Scores; axis 1
            indexes the classes.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Integer ground
            truth labels, of shape ``y.shape[:1] + y.shape[2:]`` (trailing
            singleton axes of ``y`` may be left out).
        ignore_label (int or None): Samples whose label equals it are left
            out of both the count and the total.

    Returns:
        ~chainer.Variable: A scalar variable of ``y``'s dtype. The function
        is not differentiable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> y = np.array([[0.1, 0.7, 0.2], [8.0, 1.0, 2.0]])
        >>> F.accuracy(y, np.array([1, 2], np.int32)).array
        array(0.5)
        >>> F.accuracy(y, np.array([1, 2], np.int32), ignore_label=2).array
        array(1.)
    """
    node = Accuracy(ignore_label=ignore_label)
    acc, = node.apply((y, t))
    return acc
