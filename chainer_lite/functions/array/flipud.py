"""Flipud: reverse the rows (first axis)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class FlipUD(function_node.FunctionNode):

    """Flips an array in the up/down direction."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a',))
        a_type = in_types[0]
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.ndim >= 1
        )

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.flipud(inputs[0]),

    def backward(self, indexes, grad_outputs):
        return FlipUD().apply(grad_outputs)


def flipud(a):
    """Flips an array in the up/down direction (along axis 0).

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable,
            a float array with at least one dimension.

    Returns:
        ~chainer.Variable: The flipped variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.flipud(np.array([[1., 2.], [3., 4.]])).array
        array([[3., 4.],
               [1., 2.]])
    """
    return FlipUD().apply((a,))[0]
