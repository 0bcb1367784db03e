"""Elementwise remainder of division, with the sign of the dividend."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Fmod(function_node.FunctionNode):

    @property
    def label(self):
        return 'fmod'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 'divisor'))
        type_check.expect(
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].dtype.kind == 'f',
            in_types[1].dtype.kind == 'f',
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        xp = backend.get_array_module(*inputs)
        x, divisor = inputs
        return utils.force_array(xp.fmod(x, divisor), x.dtype),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import fix
        x, divisor = self.get_retained_inputs()
        gy, = grad_outputs
        # fmod(x, d) = x - fix(x / d) * d, with fix piecewise constant.
        return gy, -fix.fix(x / divisor) * gy


def fmod(x, divisor):
    """Elementwise remainder of ``x / divisor``, as C's ``fmod``.

    The result has the sign of ``x``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The dividend, a
            float array.
        divisor (:class:`~chainer.Variable` or :ref:`ndarray`): The divisor,
            a float array of the same dtype and shape.

    Returns:
        ~chainer.Variable: The remainders, with the sign of ``x``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.fmod(np.array([5.5, -5.5]), np.array([2.0, 2.0])).array
        array([ 1.5, -1.5])
    """
    return Fmod().apply((x, divisor))[0]
