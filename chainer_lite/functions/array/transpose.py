"""Transpose: permute the axes."""
import numpy

from chainer_lite import function_node
from chainer_lite.utils import type_check


class Transpose(function_node.FunctionNode):

    """Permute the dimensions of an array."""

    def __init__(self, axes=None):
        self.axes = axes

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    @property
    def label(self):
        return 'Transpose'

    def forward(self, inputs):
        return inputs[0].transpose(self.axes),

    def backward(self, indexes, grad_outputs):
        inv_axes = self.axes
        if inv_axes:
            n = len(inv_axes)
            inv_axes = tuple(numpy.argsort([ax % n for ax in inv_axes]))
        return Transpose(inv_axes).apply(grad_outputs)


def transpose(x, axes=None):
    """Permute the dimensions of an input variable without copy.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        axes (tuple of ints): Permutation of the axes; by default the
            dimensions are reversed.

    Returns:
        ~chainer.Variable: Variable whose axes are permuted.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.transpose(np.zeros((1, 2, 3)), (1, 0, 2)).shape
        (2, 1, 3)
    """
    return Transpose(axes).apply((x,))[0]
