"""Repeat: repeat each element of a variable."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


class Repeat(function_node.FunctionNode):

    """Repeats the elements of an array (``xp.repeat``)."""

    def __init__(self, repeats, axis=None):
        # bool counts as int here, as NumPy accepts it for repeats.
        if isinstance(repeats, int):
            self.repeats = (repeats,)
        elif isinstance(repeats, tuple) and all(
                isinstance(x, int) for x in repeats):
            self.repeats = repeats
        else:
            raise TypeError('repeats must be int or tuple of ints')
        if not all(x >= 0 for x in self.repeats):
            raise ValueError('all elements in repeats must be zero or larger')
        if axis is not None and (
                not isinstance(axis, int) or isinstance(axis, bool)):
            raise TypeError('axis must be int or None')
        self.axis = axis

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        xp = backend.get_array_module(x)
        repeats = self.repeats
        if len(repeats) == 1:
            repeats = repeats[0]
        return xp.repeat(x, repeats, self.axis),

    def backward(self, indexes, grad_outputs):
        return RepeatGrad(self.repeats, self.axis, self._in_shape,
                          self._in_dtype).apply(grad_outputs)


class RepeatGrad(function_node.FunctionNode):

    """Sums each group of repeated elements (Repeat's adjoint)."""

    def __init__(self, repeats, axis, in_shape, in_dtype):
        self.repeats = repeats
        self.axis = axis
        if axis is not None and axis < 0:
            self.axis += len(in_shape)
        self.in_shape = in_shape
        self.in_dtype = in_dtype

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        axis = self.axis
        if axis is None:
            # repeat with axis=None works on the flattened input.
            gy = gy.reshape(-1)
            axis = 0
            n = utils.size_of_shape(self.in_shape)
        else:
            n = self.in_shape[axis]
        if gy.shape[axis] == 0:
            return xp.zeros(self.in_shape, self.in_dtype),
        repeats = self.repeats
        if len(repeats) == 1:
            r = int(repeats[0])
            shape = gy.shape[:axis] + (n, r) + gy.shape[axis + 1:]
            gx = gy.reshape(shape).sum(axis=axis + 1)
        else:
            # Each group of repeated elements sums into one input element.
            gx = xp.zeros(gy.shape[:axis] + (n,) + gy.shape[axis + 1:],
                          self.in_dtype)
            index = [slice(None)] * gy.ndim
            pos = 0
            for i, r in enumerate(repeats):
                index[axis] = slice(pos, pos + r)
                segment = gy[tuple(index)].sum(axis=axis)
                index[axis] = i
                gx[tuple(index)] = segment
                pos += r
        return gx.reshape(self.in_shape),

    def backward(self, indexes, grad_outputs):
        # Summing the copies is linear; its adjoint repeats again.
        node = Repeat(self.repeats, self.axis)
        return node.apply(grad_outputs)


def repeat(x, repeats, axis=None):
    """Constructs an array by repeating the elements of a given array.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array whose
            elements are repeated.
        repeats (:class:`int` or :class:`tuple` of :class:`int` s): How many
            times each element is repeated (one count for all, or one per
            element along ``axis``).
        axis (:class:`int`): The axis along which to repeat; ``None``
            repeats the flattened input.

    Returns:
        ~chainer.Variable: The repeated variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.repeat(np.array([5, 7]), 3).array
        array([5, 5, 5, 7, 7, 7])
        >>> F.repeat(np.array([[5, 6], [7, 8]]), (2, 0), axis=1).array
        array([[5, 5],
               [7, 7]])
    """
    return Repeat(repeats, axis).apply((x,))[0]
