"""Elementwise square."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Square(function_node.FunctionNode):

    @property
    def label(self):
        return 'square'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        return utils.force_array(xp.square(x, dtype=x.dtype)),

    def backward(self, indexes, grad_outputs):
        x = self.get_retained_inputs()[0]
        return grad_outputs[0] * 2.0 * x,


def square(x):
    """Elementwise square, :math:`y_i = x_i^2`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.square(np.array([2.0, -3.0])).array
        array([4., 9.])
    """
    return Square().apply((x,))[0]
