"""``exp(x) - 1``, accurate for small ``x``."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Expm1(function_node.FunctionNode):

    @property
    def label(self):
        return 'expm1'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_outputs((0,))
        xp = backend.get_array_module(*inputs)
        return utils.force_array(xp.expm1(inputs[0])),

    def backward(self, indexes, grad_outputs):
        y, = self.get_retained_outputs()
        return (y + 1.0) * grad_outputs[0],


def expm1(x):
    """Elementwise exponential minus one, :math:`y_i = \\exp(x_i) - 1`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.

    Returns:
        ~chainer.Variable: Output variable of the same shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.expm1(np.array([0.0, 1e-10])).array
        array([0.e+00, 1.e-10])
    """
    return Expm1().apply((x,))[0]
