"""Logistic sigmoid, ``1 / (1 + exp(-x))``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Sigmoid(function_node.FunctionNode):

    """Elementwise ``1 / (1 + exp(-x))``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        # sigmoid(x) = (1 + tanh(x / 2)) / 2 cannot overflow for large |x|.
        half = x.dtype.type(0.5)
        return utils.force_array(half + half * xp.tanh(half * x)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return SigmoidGrad((None,)).apply((y,) + tuple(grad_outputs))


class SigmoidGrad(function_node.FunctionNode):

    """Gradient of the sigmoid: ``gy * y * (1 - y)`` from its output ``y``.

    Args:
        inputs (tuple): A one-element tuple holding the sigmoid's input
            array (or ``None``); kept for the signature Chainer's callers
            use, the CPU/GPU computation only needs ``y``.
    """

    def __init__(self, inputs):
        self.x = inputs[0]

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('y', 'gy'))
        type_check.expect(in_types[0].dtype.kind == 'f')
        type_check.expect(in_types[1].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, gy = inputs
        return utils.force_array((y - y * y) * gy),

    def backward(self, indexes, grad_outputs):
        y, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        # The output is gy * s(y) with s(y) = y - y^2, s'(y) = 1 - 2 y.
        return ggx * gy * (1 - 2 * y), ggx * (y - y * y)


def sigmoid(x):
    """Elementwise logistic sigmoid, :math:`f(x) = (1 + \\exp(-x))^{-1}`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype, with
        values in :math:`[0, 1]`.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.sigmoid(np.array([0.0, 2.0], np.float32)).array
        array([0.5      , 0.8807971], dtype=float32)
    """
    y, = Sigmoid().apply((x,))
    return y
