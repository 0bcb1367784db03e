"""Hard sigmoid: the piecewise-linear ``clip(0.2 * x + 0.5, 0, 1)``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class HardSigmoid(function_node.FunctionNode):

    """Hard-sigmoid function."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        # The line 0.5 + 0.2 x, saturated to [0, 1].
        return utils.force_array(xp.clip(0.5 + 0.2 * x, 0, 1), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return HardSigmoidGrad(x.array).apply(grad_outputs)


class HardSigmoidGrad(function_node.FunctionNode):

    """Hard-sigmoid gradient: ``0.2 * gy`` where ``|x| < 2.5``, else zero."""

    def __init__(self, x):
        self.x = x

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('gy',))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == self.x.dtype
        )

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        # The slope is 0.2 on the unsaturated part |x| < 2.5.
        gx = xp.where(xp.abs(self.x) < 2.5, 0.2 * gy, 0)
        return utils.force_array(gx, self.x.dtype),

    def backward(self, indexes, grad_outputs):
        return type(self)(self.x).apply(grad_outputs)


def hard_sigmoid(x):
    """Elementwise hard sigmoid function.

    It is 0 for :math:`x < -2.5`, :math:`0.2 x + 0.5` for
    :math:`-2.5 < x < 2.5` and 1 for :math:`x > 2.5`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype, with
        values in :math:`[0, 1]`.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.hard_sigmoid(np.array([-3.0, 0.0, 1.0])).array
        array([0. , 0.5, 0.7])
    """
    return HardSigmoid().apply((x,))[0]
