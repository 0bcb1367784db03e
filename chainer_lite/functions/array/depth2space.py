"""Depth2space: unfold channels into spatial blocks."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import space2depth
from chainer_lite.utils import type_check


class Depth2Space(function_node.FunctionNode):

    """Moves groups of ``r * r`` channels into ``r x r`` spatial blocks."""

    def __init__(self, r):
        self.r = r

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].ndim == 4
        )

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        r = self.r
        n, c, h, w = x.shape
        c //= r * r
        x = x.reshape(n, r, r, c, h, w)
        x = xp.transpose(x, (0, 3, 4, 1, 5, 2))
        return x.reshape(n, c, h * r, w * r),

    def backward(self, indexes, grad_outputs):
        return space2depth.space2depth(grad_outputs[0], self.r),


def depth2space(X, r):
    """Rearranges channels into ``r x r`` spatial blocks (pixel shuffle).

    Used for super-resolution (https://arxiv.org/abs/1609.05158); the
    inverse of :func:`space2depth`.

    Args:
        X (:class:`~chainer.Variable` or :ref:`ndarray`): A 4-D array of
            shape ``(batch, channel * r * r, dim1, dim2)``.
        r (int): The upscaling factor.

    Returns:
        ~chainer.Variable: Array of shape
        ``(batch, channel, dim1 * r, dim2 * r)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(4.0).reshape(1, 4, 1, 1)
        >>> F.depth2space(x, 2).array
        array([[[[0., 1.],
                 [2., 3.]]]])
    """
    return Depth2Space(r).apply((X,))[0]
