"""Elementwise absolute error ``|x0 - x1|``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class AbsoluteError(function_node.FunctionNode):

    """Elementwise ``|x0 - x1|``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        x0, x1 = inputs
        self.diff = x0 - x1
        xp = backend.get_array_module(x0)
        return utils.force_array(xp.abs(self.diff), dtype=x0.dtype),

    def backward(self, indexes, grad_outputs):
        # The sign is piecewise constant, so it is a constant here.
        direction = backend.get_array_module(self.diff).sign(self.diff)
        g0 = grad_outputs[0] * direction
        return g0, -g0


def absolute_error(x0, x1):
    """Element-wise absolute error function, :math:`|x_0 - x_1|`.

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): First input.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Second input, of
            the same shape and dtype.

    Returns:
        ~chainer.Variable: The elementwise absolute error.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.absolute_error(np.array([1., -2.]), np.array([0., 1.])).array
        array([1., 3.])
    """
    return AbsoluteError().apply((x0, x1))[0]
