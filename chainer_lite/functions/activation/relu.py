"""Rectified linear unit, ``max(0, x)``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class ReLU(function_node.FunctionNode):

    """Rectified Linear Unit."""

    is_elementwise = True

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_outputs((0,))
        return utils.force_array(xp.maximum(x, 0, dtype=x.dtype)),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return ReLUGrad2(y.array).apply(grad_outputs)


class ReLUGrad2(function_node.FunctionNode):

    """Gradient of ReLU: ``gy`` where the fixed array ``b`` is positive.

    ``b`` is a constant of this node (no gradient flows to it), so the node
    is linear in ``gy`` and is its own derivative.
    """

    def __init__(self, b):
        self.b = b

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * (self.b > 0), gy.dtype),

    def backward(self, indexes, grad_outputs):
        return type(self)(self.b).apply(grad_outputs)


def relu(x):
    """Rectified Linear Unit function, :math:`f(x) = \\max(0, x)`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.relu(np.array([-1.0, 0.0, 2.0], np.float32)).array
        array([0., 0., 2.], dtype=float32)
    """
    y, = ReLU().apply((x,))
    return y
