"""Rollaxis: move one axis to a given position."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class Rollaxis(function_node.FunctionNode):

    """Rolls an axis backwards to a given position."""

    def __init__(self, axis, start):
        if not isinstance(axis, int):
            raise TypeError('axis must be int')
        if not isinstance(start, int):
            raise TypeError('start must be int')
        self.axis = axis
        self.start = start

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        if self.axis >= 0:
            type_check.expect(x_type.ndim > self.axis)
        else:
            type_check.expect(x_type.ndim > -self.axis - 1)
        if self.start >= 0:
            type_check.expect(x_type.ndim >= self.start)
        else:
            type_check.expect(x_type.ndim > -self.start - 1)

    def forward(self, inputs):
        x, = inputs
        self._in_ndim = x.ndim
        return backend.get_array_module(x).rollaxis(x, self.axis,
                                                    self.start),

    def backward(self, indexes, grad_outputs):
        # The axis now sits at ``start`` (one less if it came from the
        # front); rolling it back to where it came from inverts the move.
        axis = self.axis % self._in_ndim
        start = self.start + self._in_ndim if self.start < 0 else self.start
        if axis > start:
            axis += 1
        elif axis < start:
            start -= 1
        return Rollaxis(start, axis).apply(grad_outputs)


def rollaxis(x, axis, start=0):
    """Rolls the axis backwards to the given position.

    Kept for backward compatibility; prefer
    :func:`chainer.functions.moveaxis`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array whose
            axis is moved.
        axis (int): The axis to move.
        start (int): The position the axis is moved to (as in
            :func:`numpy.rollaxis`).

    Returns:
        ~chainer.Variable: ``x`` with that axis at its new position.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.rollaxis(np.zeros((2, 3, 4)), 2).shape
        (4, 2, 3)
    """
    return Rollaxis(axis, start).apply((x,))[0]
