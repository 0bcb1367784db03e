"""L2 normalization of vectors along given axes."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import where
from chainer_lite.functions.math import sqrt
from chainer_lite.functions.math import square
from chainer_lite.functions.math import sum as _sum
from chainer_lite import utils
from chainer_lite.utils import type_check


class NormalizeL2(function_node.FunctionNode):

    """L2 normalization: ``x / (||x|| + eps)``."""

    def __init__(self, eps=1e-5, axis=1):
        self.eps = eps
        if isinstance(axis, int):
            axis = axis,
        self.axis = axis

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        length = xp.sqrt((x * x).sum(axis=self.axis, keepdims=True))
        return utils.force_array(
            x / (length.astype(x.dtype) + x.dtype.type(self.eps))),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(x)
        length = sqrt.sqrt(
            _sum.sum(square.square(x), axis=self.axis, keepdims=True))
        denom = length + self.eps
        # Component of gy along x, (x . gy) / |x|. It is 0 / 0 for a zero
        # vector; its limit 0 is taken there, dividing by 1 instead so that
        # double backprop sees no nan.
        nonzero = length.array != 0
        safe_length = where.where(
            nonzero, length, xp.ones_like(length.array))
        along = where.where(
            nonzero, _sum.sum(x * gy, axis=self.axis, keepdims=True)
            / safe_length, xp.zeros_like(length.array))
        return (gy - x * (along / denom)) / denom,


def normalize(x, eps=1e-5, axis=1):
    """Normalizes the input vectors by their L2 norms.

    Computes :math:`y = x / (\\|x\\|_2 + \\epsilon)`, the norm being taken
    over ``axis`` for every index of the other axes.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        eps (float): Added to the norm to avoid division by zero.
        axis (int or tuple of ints): Axes over which the norm is taken.

    Returns:
        ~chainer.Variable: Output of ``x``'s shape and dtype.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[3., 4.], [0., 0.]], np.float32)
        >>> F.normalize(x[:1], eps=0.0).array
        array([[0.6, 0.8]], dtype=float32)
        >>> F.normalize(x).array[1]
        array([0., 0.], dtype=float32)
    """
    return NormalizeL2(eps, axis).apply((x,))[0]
