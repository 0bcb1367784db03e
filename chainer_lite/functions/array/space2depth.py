"""Space2depth: fold spatial blocks into channels."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import depth2space
from chainer_lite.utils import type_check


class Space2Depth(function_node.FunctionNode):

    """Moves each ``r x r`` spatial block into the channel axis."""

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
        x = x.reshape(n, c, h // r, r, w // r, r)
        x = xp.transpose(x, (0, 3, 5, 1, 2, 4))
        return x.reshape(n, r * r * c, h // r, w // r),

    def backward(self, indexes, grad_outputs):
        return depth2space.depth2space(grad_outputs[0], self.r),


def space2depth(X, r):
    """Rearranges ``r x r`` spatial blocks into channels.

    The inverse of :func:`depth2space`; useful for inverse super-resolution
    (https://arxiv.org/abs/1609.05158).

    Args:
        X (:class:`~chainer.Variable` or :ref:`ndarray`): A 4-D array of
            shape ``(batch, channel, dim1 * r, dim2 * r)``.
        r (int): The downscaling factor.

    Returns:
        ~chainer.Variable: Array of shape
        ``(batch, channel * r * r, dim1, dim2)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(8.0).reshape(1, 1, 2, 4)
        >>> F.space2depth(x, 2).array[0, :, 0]
        array([[0., 2.],
               [1., 3.],
               [4., 6.],
               [5., 7.]])
    """
    return Space2Depth(r).apply((X,))[0]
