"""Leaky ReLU: ``x`` for positive inputs, ``slope * x`` otherwise."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


def _scale_where_nonpositive(cond, x, slope):
    # x, with the entries where cond <= 0 multiplied by slope.
    xp = backend.get_array_module(x)
    return utils.force_array(
        xp.where(cond <= 0, x * x.dtype.type(slope), x), x.dtype)


class LeakyReLU(function_node.FunctionNode):

    """Leaky rectifier unit."""

    is_elementwise = True

    def __init__(self, slope=0.2):
        self.slope = slope

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        # The sign of y tells the sign of x only for a non-negative slope;
        # otherwise backward needs x itself.
        if self.slope >= 0:
            self.retain_outputs((0,))
        else:
            self.retain_inputs((0,))
        return _scale_where_nonpositive(x, x, self.slope),

    def backward(self, indexes, grad_outputs):
        sign_source, = (self.get_retained_outputs() if self.slope >= 0
                        else self.get_retained_inputs())
        grad = _LeakyReLUGrad(sign_source.array, self.slope)
        return grad.apply(grad_outputs)


class _LeakyReLUGrad(function_node.FunctionNode):

    # Linear in gy (cond is a constant), hence its own derivative.

    def __init__(self, cond, slope):
        self.cond = cond
        self.slope = slope

    def forward(self, inputs):
        gy, = inputs
        return _scale_where_nonpositive(self.cond, gy, self.slope),

    def backward(self, indexes, grad_outputs):
        return type(self)(self.cond, self.slope).apply(grad_outputs)


def leaky_relu(x, slope=0.2):
    """Leaky ReLU: a small slope for non-positive inputs.

    Computes :math:`f(x) = x` for :math:`x > 0` and :math:`f(x) = ax`
    otherwise, where :math:`a` is ``slope``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array of any shape.
        slope (float): The slope :math:`a` for non-positive inputs.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.leaky_relu(np.array([-1.0, 2.0], np.float32), slope=0.5).array
        array([-0.5,  2. ], dtype=float32)
    """
    return LeakyReLU(slope).apply((x,))[0]
