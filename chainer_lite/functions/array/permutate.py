"""Permutate: reorder the slices of a variable along an axis."""
import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite.configuration import config
from chainer_lite import function_node
from chainer_lite.utils import type_check
from chainer_lite import variable


def _check_indices(indices):
    """Raises ValueError unless ``indices`` is a permutation of
    ``range(len(indices))``."""
    if len(indices) == 0:
        return
    indices = cuda.to_cpu(indices)
    for i in indices:
        if not 0 <= i < len(indices):
            raise ValueError('Out of bounds index: {}'.format(i))
    sort = numpy.sort(indices)
    for s, t in zip(sort, sort[1:]):
        if s == t:
            raise ValueError('indices contains duplicate value: {}'.format(s))


def _inverse_indices(indices):
    xp = backend.get_array_module(indices)
    r = xp.empty_like(indices)
    r[indices] = xp.arange(len(indices), dtype=indices.dtype)
    return r


class Permutate(function_node.FunctionNode):

    """Permutes an array along an axis by an index array."""

    def __init__(self, indices, axis, inv):
        self.indices = indices
        self.axis = axis
        self.inv = inv

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        if self.axis < 0:
            type_check.expect(x_type.ndim >= -self.axis)
        else:
            type_check.expect(x_type.ndim > self.axis)

    def forward(self, inputs):
        x, = inputs
        indices = self.indices
        if config.debug:
            _check_indices(indices)
        if self.inv:
            indices = _inverse_indices(indices)
        xp = backend.get_array_module(x)
        return xp.take(x, indices, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        # The inverse permutation undoes the forward one.
        return Permutate(self.indices, self.axis, not self.inv).apply(
            grad_outputs)


def permutate(x, indices, axis=0, inv=False):
    """Reorders the slices of an array along an axis by an index array.

    ``y[i] = x[indices[i]]`` for all ``i`` (the same as
    ``x.take(indices, axis)``); ``indices`` must be a permutation of
    ``[0, 1, ..., len(x) - 1]``. With ``inv=True`` the inverse permutation
    is applied: ``y[indices[i]] = x[i]``.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Variable to
            permutate.
        indices (:class:`~chainer.Variable` or :ref:`ndarray`): A
            one-dimensional int array.
        axis (int): Axis along which to permutate.
        inv (bool): Apply the inverse permutation (scatter instead of
            gather).

    Returns:
        ~chainer.Variable: The permutated variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(3.0)
        >>> F.permutate(x, np.array([2, 0, 1], np.int32)).array
        array([2., 0., 1.])
        >>> F.permutate(x, np.array([2, 0, 1], np.int32), inv=True).array
        array([1., 2., 0.])
    """
    if indices.dtype.kind != 'i' or indices.ndim != 1:
        raise ValueError('indices should be a one-dimensional int array')
    indices = variable.as_array(indices)
    y, = Permutate(indices, axis, inv).apply((x,))
    return y
