"""Inverse hyperbolic tangent."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Arctanh(function_node.FunctionNode):

    """``arctanh`` of every element; derivative ``1 / (1 - x ** 2)``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        return utils.force_array(xp.arctanh(x), dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] / (1 - x ** 2),


def arctanh(x):
    """Elementwise inverse hyperbolic tangent, :math:`y_i = \\tanh^{-1} x_i`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array with values in :math:`(-1, 1)`.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.arctanh(np.array([0.0, 0.5])).array
        array([0.        , 0.54930614])
    """
    return Arctanh().apply((x,))[0]
