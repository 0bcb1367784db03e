"""Clipping of values into an interval."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Clip(function_node.FunctionNode):

    """Limits every element to the interval ``[x_min, x_max]``."""

    def __init__(self, x_min, x_max):
        if x_min is None and x_max is None:
            raise ValueError('must set either max or min')
        if x_min is not None and x_max is not None and x_min >= x_max:
            raise ValueError('x_min must be less than x_max.')
        self.x_min = x_min
        self.x_max = x_max

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.clip(x, self.x_min, self.x_max), x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return ClipGrad(x.array, self.x_min, self.x_max).apply(grad_outputs)


class ClipGrad(function_node.FunctionNode):

    """Gradient of clip: ``gy`` inside ``[x_min, x_max]``, zero outside."""

    def __init__(self, x, x_min, x_max):
        if x_min is None and x_max is None:
            raise ValueError('must set either max or min')
        xp = backend.get_array_module(x)
        cond = xp.ones(x.shape, dtype=bool)
        if x_min is not None:
            cond &= x_min <= x
        if x_max is not None:
            cond &= x <= x_max
        self.cond = cond

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('gy',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        gy, = inputs
        return utils.force_array(gy * self.cond, gy.dtype),

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0] * self.cond,


def clip(x, x_min, x_max):
    """Clips (limits) the elements of a variable to ``[x_min, x_max]``.

    The gradient is one inside the closed interval (its ends included) and
    zero outside.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.
        x_min (float or None): Lower bound (``None``: no lower bound).
        x_max (float or None): Upper bound (``None``: no upper bound).

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.clip(np.array([-2.0, 0.5, 3.0]), -1.0, 1.0).array
        array([-1. ,  0.5,  1. ])
    """
    return Clip(x_min, x_max).apply((x,))[0]
