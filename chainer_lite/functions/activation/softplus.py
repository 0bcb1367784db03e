"""Softplus, a smooth ReLU: ``log(1 + exp(beta * x)) / beta``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Softplus(function_node.FunctionNode):

    """Softplus function."""

    def __init__(self, beta=1.0):
        self.beta = float(beta)
        self.beta_inv = float(1.0 / beta)

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        x = inputs[0]
        xp = backend.get_array_module(x)
        # log(1 + exp(beta x)) / beta; logaddexp does not overflow.
        y = xp.logaddexp(0, self.beta * x) * self.beta_inv
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.activation import sigmoid
        x = self.get_retained_inputs()[0]
        # d softplus / dx = sigmoid(beta * x)
        return sigmoid.sigmoid(self.beta * x) * grad_outputs[0],


def softplus(x, beta=1.0):
    """Elementwise softplus function, a smooth approximation of ReLU.

    Computes :math:`f(x) = \\frac{1}{\\beta} \\log(1 + \\exp(\\beta x))`;
    the larger :math:`\\beta`, the closer to ReLU.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.
        beta (float): The sharpness :math:`\\beta`.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.softplus(np.array([0.0])).array
        array([0.69314718])
    """
    y, = Softplus(beta=beta).apply((x,))
    return y
