"""Identity: returns its inputs, passing gradients through unchanged."""
from chainer_lite import function_node


class Identity(function_node.FunctionNode):

    """Identity function."""

    def forward(self, xs):
        return xs

    def backward(self, indexes, gys):
        return gys


def identity(*inputs):
    """Returns the input variables as they are (a new graph node).

    Args:
        inputs (:class:`~chainer.Variable` or :ref:`ndarray`): Input
            variables.

    Returns:
        ~chainer.Variable or tuple of ~chainer.Variable: One output variable
        per input (a single variable for a single input).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.identity(np.array([1.0, 2.0])).array
        array([1., 2.])
    """
    ret = Identity().apply(inputs)
    return ret[0] if len(ret) == 1 else ret
