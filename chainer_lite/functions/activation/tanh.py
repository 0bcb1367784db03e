"""Hyperbolic tangent."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Tanh(function_node.FunctionNode):

    """Elementwise ``tanh``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        return utils.force_array(xp.tanh(x)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return TanhGrad(None).apply((y,) + tuple(grad_outputs))


class TanhGrad(function_node.FunctionNode):

    """Gradient of tanh from its output: ``gy * (1 - y ** 2)``."""

    def __init__(self, x):
        self.x = x

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        return utils.force_array((1 - y * y) * gy, gy.dtype),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        # The output is gy * s(y) with s(y) = 1 - y^2, s'(y) = -2 y.
        return ggx * gy * (-2 * y), ggx * (1 - y * y)


def tanh(x):
    """Hyperbolic tangent, applied to every element.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.tanh(np.array([0.0, 1.0])).array
        array([0.        , 0.76159416])
    """
    return Tanh().apply((x,))[0]
