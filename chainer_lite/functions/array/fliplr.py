"""Fliplr: reverse the columns (second axis)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class FlipLR(function_node.FunctionNode):

    """Flips an array in the left/right direction."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type = in_types[0]
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.ndim >= 2
        )

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.fliplr(inputs[0]),

    def backward(self, indexes, grad_outputs):
        return FlipLR().apply(grad_outputs)


def fliplr(a):
    """Flips an array in the left/right direction (along axis 1).

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable,
            a float array with at least two dimensions.

    Returns:
        ~chainer.Variable: The flipped variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.fliplr(np.array([[1., 2.], [3., 4.]])).array
        array([[2., 1.],
               [4., 3.]])
    """
    return FlipLR().apply((a,))[0]
