"""Elementwise linear interpolation ``p * x + (1 - p) * y``."""
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class LinearInterpolate(function_node.FunctionNode):

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('p', 'x', 'y'))
        p_type, x_type, y_type = in_types
        type_check.expect(
            p_type.dtype.kind == 'f',
            x_type.dtype == p_type.dtype,
            y_type.dtype == p_type.dtype,
            p_type.shape == x_type.shape,
            p_type.shape == y_type.shape,
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        p, x, y = inputs
        one = p.dtype.type(1)
        return utils.force_array(p * x + (one - p) * y),

    def backward(self, indexes, grad_outputs):
        p, x, y = self.get_retained_inputs()
        gz, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append((x - y) * gz)
        if 1 in indexes:
            ret.append(p * gz)
        if 2 in indexes:
            ret.append((1 - p) * gz)
        return ret


def linear_interpolate(p, x, y):
    """Elementwise linear interpolation, :math:`f(p, x, y) = px + (1 - p)y`.

    Args:
        p (:class:`~chainer.Variable` or :ref:`ndarray`): The weights of
            ``x``, a float array.
        x (:class:`~chainer.Variable` or :ref:`ndarray`): First values, of
            the dtype and shape of ``p``.
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Second values, of
            the dtype and shape of ``p``.

    Returns:
        ~chainer.Variable: ``p * x + (1 - p) * y``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> p = np.array([0.0, 0.25, 1.0])
        >>> F.linear_interpolate(p, np.ones(3), np.zeros(3)).array
        array([0.  , 0.25, 1.  ])
    """
    return LinearInterpolate().apply((p, x, y))[0]
