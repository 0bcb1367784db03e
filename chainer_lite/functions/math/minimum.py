"""Elementwise minimum of two variables."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _select
from chainer_lite.utils import type_check


class Minimum(function_node.FunctionNode):

    """The smaller of ``x1`` and ``x2`` at every position."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x1', 'x2'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
        )
        type_check.expect_broadcast_shapes(
            in_types[0].shape, in_types[1].shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x1, x2 = inputs
        xp = backend.get_array_module(x1)
        return utils.force_array(xp.minimum(x1, x2)),

    def backward(self, indexes, grad_outputs):
        x1, x2 = self.get_retained_inputs()
        # Ties go to x1.
        cond = utils.force_array(x1.array <= x2.array)
        return _select.SelectGrad(cond, x1.shape, x2.shape).apply(
            grad_outputs)


def minimum(x1, x2):
    """Elementwise minimum of two variables (broadcasting).

    Where the inputs are equal the gradient goes to ``x1``.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            the same dtype, broadcastable with ``x1``.

    Returns:
        ~chainer.Variable: The elementwise minima.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.minimum(np.array([1.0, 5.0]), np.array([3.0, 2.0])).array
        array([1., 2.])
    """
    return Minimum().apply((x1, x2))[0]
