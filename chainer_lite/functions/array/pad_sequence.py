"""Pad_sequence: pad variable-length arrays into one batch array."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import _joining
from chainer_lite.functions.array import get_item
from chainer_lite.functions.array import split_axis
from chainer_lite.utils import type_check


class PadSequence(function_node.FunctionNode):

    """Stacks arrays of different lengths, filling the tail with a value."""

    def __init__(self, length, padding):
        self.length = length
        self.padding = padding

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        _joining.name_inputs(in_types)
        # Only the leading (time) axis may differ between the sequences.
        first = in_types[0]
        for in_type in in_types:
            type_check.expect(
                in_type.ndim > 0,
                in_type.shape[1:] == first.shape[1:],
                in_type.dtype == first.dtype
            )
        if self.length is not None:
            for in_type in in_types:
                type_check.expect(in_type.shape[0] <= self.length)

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        if self.length is None:
            length = max(len(x) for x in inputs)
        else:
            length = self.length
        y = xp.empty((len(inputs), length) + inputs[0].shape[1:],
                     inputs[0].dtype)
        for i, x in enumerate(inputs):
            n = len(x)
            y[i, :n] = x
            y[i, n:] = self.padding
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        gys = split_axis.split_axis(gy, len(self.inputs), 0)
        return tuple(get_item.get_item(g, (0, slice(None, x.shape[0])))
                     for g, x in zip(gys, self.inputs))


def pad_sequence(xs, length=None, padding=0):
    """Pads given arrays to make a matrix.

    Args:
        xs (list of ~chainer.Variable or :ref:`ndarray`): Arrays whose shapes
            agree except for the first axis.
        length (None or int): Size of the first dimension of the result; by
            default the longest first dimension of ``xs``.
        padding (int or float): The value written after the end of the
            shorter sequences.

    Returns:
        ~chainer.Variable: A padded array of shape ``(n, length, ...)``
        where ``n == len(xs)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.pad_sequence([np.array([1, 2, 3]), np.array([4])], padding=-1)
        variable([[ 1,  2,  3],
                  [ 4, -1, -1]])
    """
    return PadSequence(length, padding).apply(xs)[0]
