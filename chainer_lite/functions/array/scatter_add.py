"""Scatter_add: add values into selected elements of a copy."""
import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite.configuration import config
from chainer_lite import function_node
from chainer_lite.functions.array import get_item
from chainer_lite.utils import type_check


class ScatterAdd(function_node.FunctionNode):

    """Adds ``b`` into ``a[slices]`` of a copy of ``a``."""

    def __init__(self, slices):
        self.slices = get_item._normalize_slices(slices)
        if config.debug:
            if sum(1 for s in self.slices if s is Ellipsis) > 1:
                raise ValueError('Only one Ellipsis is allowed')

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        n_nones = len([s for s in self.slices if s is None])
        type_check.expect(in_types[0].ndim >= len(self.slices) - n_nones)

    def forward(self, inputs):
        a, b = inputs
        y = a.copy()
        if y[self.slices].shape != b.shape:
            raise ValueError(
                'Chainer does not support automatic broadcasting '
                'of variables.')
        # Repeated indices accumulate (unlike y[slices] += b).
        if backend.get_array_module(a) is numpy:
            numpy.add.at(y, self.slices, b)
        else:
            cuda.cupyx.scatter_add(y, self.slices, b)
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ret = []
        if 0 in indexes:
            ret.append(gy)
        if 1 in indexes:
            ret.append(get_item.get_item(gy, self.slices))
        return ret


def scatter_add(a, slices, b):
    """Adds values at selected positions of an array, out of place.

    Adds ``b`` to ``a[slices]`` of a copy of ``a`` and returns the copy (the
    original ``a`` is unchanged); repeated indices accumulate, as with
    :func:`numpy.add.at`.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The array that
            receives the values.
        slices (int, slice, Ellipsis, None, integer array-like, boolean
            array-like or tuple of them): The selection, as in NumPy
            indexing (at most one boolean array).
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Values to add; its
            shape must equal that of ``a[slices]`` (no broadcasting).

    Returns:
        ~chainer.Variable: The result of the scatter addition.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.scatter_add(np.zeros(3), [0, 0, 2], np.ones(3)).array
        array([2., 0., 1.])
    """
    y, = ScatterAdd(slices).apply((a, b))
    return y
