"""Exponential linear unit: ``x`` if positive, else ``alpha * expm1(x)``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class ELU(function_node.FunctionNode):

    """ELU with parameter ``alpha``."""

    def __init__(self, alpha=1.0):
        self.alpha = float(alpha)

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        # With a negative alpha the sign of y no longer tells where x > 0.
        if self.alpha < 0:
            self.retain_inputs((0,))
        self.retain_outputs((0,))
        negative = self.alpha * xp.expm1(xp.minimum(x, 0))
        return utils.force_array(xp.where(x > 0, x, negative), x.dtype),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        sign_source = (self.get_retained_inputs()[0] if self.alpha < 0
                       else y)
        slope, = ELUGrad(self.alpha, sign_source.array).apply((y,))
        return grad_outputs[0] * slope,


class ELUGrad(function_node.FunctionNode):

    """Derivative of ELU, computed from its output ``y``.

    It is ``1`` where the input was positive and ``y + alpha`` elsewhere.
    """

    def __init__(self, alpha, cond):
        self.alpha = alpha
        self.cond = cond

    def forward(self, inputs):
        y, = inputs
        xp = backend.get_array_module(y)
        return utils.force_array(
            xp.where(self.cond > 0, y.dtype.type(1),
                     y + y.dtype.type(self.alpha)), y.dtype),

    def backward(self, indexes, grad_outputs):
        ggx, = grad_outputs
        return ggx * (self.cond <= 0),


def elu(x, alpha=1.0):
    """Exponential linear unit (ELU).

    Computes :math:`f(x) = x` for :math:`x > 0` and
    :math:`f(x) = \\alpha (\\exp(x) - 1)` otherwise
    (see https://arxiv.org/abs/1511.07289).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.
        alpha (float): The parameter :math:`\\alpha`.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.elu(np.array([-1.0, 2.0])).array
        array([-0.63212056,  2.        ])
    """
    return ELU(alpha=alpha).apply((x,))[0]
