"""Where: choose elements from two variables by a condition."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite import utils
from chainer_lite.utils import type_check
from chainer_lite import variable


class Where(function_node.FunctionNode):

    """Chooses ``x`` where the (fixed) condition holds, else ``y``."""

    def __init__(self, condition):
        self.condition = condition

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'y'))
        x_type, y_type = in_types
        # A scalar condition is allowed.
        condition = type_check._make_variable_from_array(
            utils.force_array(self.condition), 'condition')
        type_check.expect(
            condition.dtype == numpy.bool_,
            x_type.dtype == y_type.dtype,
        )
        type_check.expect_broadcast_shapes(
            condition.shape, x_type.shape, y_type.shape)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        x, y = inputs
        return xp.where(self.condition, x, y),

    def backward(self, indexes, grad_outputs):
        g, = grad_outputs
        xp = backend.get_array_module(g)
        zero = xp.zeros((), g.dtype)
        ret = []
        # The inputs may have been broadcast: sum the gradient back.
        if 0 in indexes:
            gx, = Where(self.condition).apply((g, zero))
            ret.append(sum_mod.sum_to(gx, self.inputs[0].shape))
        if 1 in indexes:
            gy, = Where(self.condition).apply((zero, g))
            ret.append(sum_mod.sum_to(gy, self.inputs[1].shape))
        return ret


def where(condition, x, y):
    """Chooses elements depending on a condition.

    Args:
        condition (:class:`~chainer.Variable` or :ref:`ndarray`): A boolean
            array (no gradient flows into it).
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Values chosen where
            ``condition`` is ``True``.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Values chosen where
            ``condition`` is ``False``; same dtype as ``x``.

    The three arguments are broadcast together.

    Returns:
        ~chainer.Variable: The chosen values.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([-2.0, 3.0, -1.0], np.float32)
        >>> F.where(x > 0, x, -x / 2).array
        array([1. , 3. , 0.5], dtype=float32)
    """
    condition = variable.as_array(condition)
    z, = Where(condition).apply((x, y))
    return z
