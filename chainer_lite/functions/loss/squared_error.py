"""Elementwise squared error ``(x0 - x1) ** 2``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class SquaredError(function_node.FunctionNode):

    """Squared error function."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x0', 'x1'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x0, x1 = inputs
        xp = backend.get_array_module(x0)
        return utils.force_array(xp.square(x0 - x1), dtype=x0.dtype),

    def backward(self, indexes, grad_outputs):
        x0, x1 = self.get_retained_inputs()
        # d/dx0 (x0 - x1)^2 = 2 (x0 - x1); x1 gets the opposite.
        g0 = 2 * (x0 - x1) * grad_outputs[0]
        return g0, -g0


def squared_error(x0, x1):
    """Squared error function, :math:`(x_0 - x_1)^2` elementwise.

    The error is not halved. :func:`squared_difference` is the same
    function under other argument names.

    Args:
        x0 (:class:`~chainer.Variable` or :ref:`ndarray`): Prediction.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Target, of
            ``x0``'s shape and dtype.

    Returns:
        ~chainer.Variable: The elementwise squared error.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x1 = np.arange(3, dtype=np.float32)
        >>> F.squared_error(x1, np.array([2, 2, 2], np.float32)).array
        array([4., 1., 0.], dtype=float32)
    """
    return SquaredError().apply((x0, x1))[0]


def squared_difference(x1, x2):
    """Squared difference function; identical to :func:`squared_error`.

    Args:
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): One array.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): The other, of
            the same shape and dtype.

    Returns:
        ~chainer.Variable: :math:`(x_1 - x_2)^2` elementwise.
    """
    return squared_error(x1, x2)
