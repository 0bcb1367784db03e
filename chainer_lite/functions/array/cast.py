"""Cast: convert a variable to another dtype."""
import numpy

from chainer_lite.configuration import config
from chainer_lite import function_node
from chainer_lite.utils import type_check
from chainer_lite import variable


class Cast(function_node.FunctionNode):

    """Converts the input array to a given dtype."""

    def __init__(self, typ):
        self.type = typ

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        self._in_type = x.dtype.type
        return x.astype(self.type, copy=False),

    def backward(self, indexes, grad_outputs):
        # Only a floating-point input can receive a gradient.
        if numpy.dtype(self._in_type).kind != 'f':
            return None,
        return cast(grad_outputs[0], self._in_type),


def cast(x, typ):
    """Casts an input variable to a given dtype.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array to
            convert.
        typ (:class:`str` of dtype or :class:`numpy.dtype`): The dtype to
            cast to.

    Returns:
        ~chainer.Variable: Variable holding the cast array. When the dtype
        already matches and backprop is disabled, the input itself (as a
        Variable) is returned.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.cast(np.arange(3.0), np.float32).dtype
        dtype('float32')
    """
    # A no-op cast still creates a node while backprop is enabled, so that
    # two casts of one variable are distinct graph nodes.
    if x.dtype == typ and not config.enable_backprop:
        return variable.as_variable(x)
    return Cast(typ).apply((x,))[0]
