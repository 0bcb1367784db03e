"""Tile: repeat a whole variable along each axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import reshape
from chainer_lite.functions.math import sum as sum_mod
from chainer_lite.utils import type_check


class Tile(function_node.FunctionNode):

    """Tiles an array (``xp.tile``)."""

    def __init__(self, reps):
        if isinstance(reps, int):
            self.reps = (reps,)
        elif isinstance(reps, tuple) and all(
                isinstance(x, int) for x in reps):
            self.reps = reps
        else:
            raise TypeError('reps must be int or tuple of ints.\n'
                            'Actual: {0}'.format(type(reps)))
        if not all(x >= 0 for x in self.reps):
            raise ValueError('All elements in reps must be zero or larger')

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)

    def forward(self, inputs):
        self._in_shape = inputs[0].shape
        xp = backend.get_array_module(*inputs)
        return xp.tile(inputs[0], self.reps),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        # Pad reps and shape with ones to the output's ndim, view each
        # output axis as (rep, original length) and sum over the reps.
        ndim = gy.ndim
        reps = (1,) * (ndim - len(self.reps)) + tuple(self.reps)
        shape = (1,) * (ndim - len(self._in_shape)) + self._in_shape
        split_shape = []
        for r, s in zip(reps, shape):
            split_shape += [r, s]
        gx = sum_mod.sum(reshape.reshape(gy, tuple(split_shape)),
                         axis=tuple(range(0, 2 * ndim, 2)))
        return reshape.reshape(gx, self._in_shape),


def tile(x, reps):
    """Constructs an array by tiling a given array.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): The array to
            repeat as a whole. If it has fewer axes than ``reps`` has
            entries, leading axes of length one are added to it; if it has
            more, ``reps`` is padded on the left with ones.
        reps (:class:`int` or :class:`tuple` of :class:`int` s): Number of
            repetitions of ``x`` along each axis.

    Returns:
        ~chainer.Variable: The tiled variable, with ``max(d, x.ndim)``
        dimensions.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.tile(np.array([[4, 5]]), (3, 2)).array
        array([[4, 5, 4, 5],
               [4, 5, 4, 5],
               [4, 5, 4, 5]])
    """
    return Tile(reps).apply((x,))[0]
