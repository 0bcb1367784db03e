"""Swapaxes: exchange two axes."""
from chainer_lite import function_node
from chainer_lite.utils import type_check


class Swapaxes(function_node.FunctionNode):

    """Swaps two axes of an array."""

    def __init__(self, axis1, axis2):
        self.axis1 = axis1
        self.axis2 = axis2

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    @property
    def label(self):
        return 'Swapaxes'

    def forward(self, inputs):
        x, = inputs
        return x.swapaxes(self.axis1, self.axis2),

    def backward(self, indexes, grad_outputs):
        # Swapping is its own inverse.
        return Swapaxes(self.axis1, self.axis2).apply(grad_outputs)


def swapaxes(x, axis1, axis2):
    """Swaps two axes of a variable.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array whose
            axes are exchanged.
        axis1 (int): The first axis.
        axis2 (int): The second axis.

    Returns:
        ~chainer.Variable: Variable with the two axes swapped.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.swapaxes(np.zeros((1, 2, 3)), 0, 1).shape
        (2, 1, 3)
    """
    y, = Swapaxes(axis1, axis2).apply((x,))
    return y
