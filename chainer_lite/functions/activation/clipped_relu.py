"""ReLU capped at a maximum: ``min(max(0, x), z)``; ``relu6`` caps at 6."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class ClippedReLU(function_node.FunctionNode):

    """Clipped Rectifier Unit function, ``min(max(0, x), z)``."""

    def __init__(self, z):
        if not isinstance(z, float):
            raise TypeError('z must be float value')
        assert z > 0
        self.cap = z

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.clip(x, 0, self.cap), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return ClippedReLUGrad2(x.array, self.cap).apply(grad_outputs)


class ClippedReLUGrad2(function_node.FunctionNode):

    """Gradient of clipped ReLU: ``gy`` where ``0 < x < z``, else zero."""

    def __init__(self, x, z):
        self.x = x
        self.cap = z

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('gy',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        # The slope is 1 strictly inside (0, cap) and 0 elsewhere.
        inside = (self.x > 0) & (self.x < self.cap)
        return utils.force_array(xp.where(inside, gy, 0), self.x.dtype),

    def backward(self, indexes, grad_outputs):
        # Multiplying by a fixed 0/1 mask is its own derivative.
        return type(self)(self.x, self.cap).apply(grad_outputs)


def clipped_relu(x, z=20.0):
    """Clipped Rectifier Unit function, :math:`\\min(\\max(0, x), z)`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.
        z (float): The cap :math:`z > 0` (a Python float).

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.clipped_relu(np.array([-1.0, 0.5, 3.0]), z=2.0).array
        array([0. , 0.5, 2. ])
    """
    y, = ClippedReLU(z).apply((x,))
    return y


def relu6(x):
    """Rectifier Unit function clipped at 6, :math:`\\min(\\max(0, x), 6)`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.relu6(np.array([-2.0, 4.0, 10.0])).array
        array([0., 4., 6.])

    It is :func:`~chainer.functions.clipped_relu` with ``z=6.0``.
    """
    y, = ClippedReLU(6.0).apply((x,))
    return y
