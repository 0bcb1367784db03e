"""Concatenated ReLU: ``max(0, x)`` and ``max(0, -x)`` joined along an axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class CReLU(function_node.FunctionNode):

    """``concat(relu(x), relu(-x))`` along an axis."""

    def __init__(self, axis=1):
        if not isinstance(axis, int):
            raise TypeError('axis must be an integer value')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim > self.axis,
            in_types[0].ndim >= -self.axis
        )

    def get_output_shape(self, input_shape):
        output_shape = list(input_shape)
        output_shape[self.axis] *= 2
        return tuple(output_shape)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        zero = x.dtype.type(0)
        self.retain_inputs((0,))
        return xp.concatenate(
            (xp.maximum(zero, x), xp.maximum(zero, -x)), axis=self.axis),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        axis = self.axis % x.ndim
        n = x.shape[axis]
        lead = (slice(None),) * axis
        gy_former = gy[lead + (slice(None, n),)]
        gy_latter = gy[lead + (slice(n, None),)]
        return gy_former * (x.array > 0) - gy_latter * (x.array < 0),


def crelu(x, axis=1):
    """Concatenates the ReLU of ``x`` and of ``-x`` (CReLU).

    Computes :math:`(\\max(0, x), \\max(0, -x))`, the two halves joined
    along ``axis`` (see https://arxiv.org/abs/1603.05201).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable, a
            float array.
        axis (int): The axis along which the halves are concatenated.

    Returns:
        ~chainer.Variable: Output variable, twice as long as ``x`` along
        ``axis``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.crelu(np.array([[-1.0, 2.0]])).array
        array([[0., 2., 1., 0.]])
    """
    return CReLU(axis=axis).apply((x,))[0]
