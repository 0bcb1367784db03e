"""Indexing and slicing of a Variable (``x[...]``)."""
import numpy

from chainer_lite import backend
from chainer_lite.configuration import config
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check
from chainer_lite import variable


def _normalize_slices(slices):
    if isinstance(slices, list):
        if all([isinstance(s, int) for s in slices]):
            slices = slices,
        slices = tuple(slices)
    elif not isinstance(slices, tuple):
        slices = slices,
    return slices


class GetItem(function_node.FunctionNode):

    """Function that slices array and extract elements."""

    def __init__(self, slices):
        slices = _normalize_slices(slices)
        if config.debug:
            if sum(1 for s in slices if s is Ellipsis) > 1:
                raise ValueError('Only one Ellipsis is allowed')
        self.slices = slices

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))

    def forward(self, xs):
        return utils.force_array(xs[0][self.slices]),

    def backward(self, indexes, gy):
        return GetItemGrad(self.slices, self.inputs[0].shape).apply(gy)


class GetItemGrad(function_node.FunctionNode):

    """Scatter-adds the output gradient back into the input's shape."""

    def __init__(self, slices, in_shape):
        self.slices = slices
        self._in_shape = in_shape

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self._in_shape, gy.dtype)
        if xp is numpy:
            # add.at accumulates repeated indices, unlike gx[slices] += gy
            numpy.add.at(gx, self.slices, gy)
        else:
            import cupyx
            cupyx.scatter_add(gx, self.slices, gy)
        return gx,

    def backward(self, indexes, ggx):
        return GetItem(self.slices).apply(ggx)


def get_item(x, slices):
    """Extract elements from array with specified shape, axes and offsets.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A variable to be
            sliced.
        slices (int, slice, Ellipsis, None, integer array-like, boolean
            array-like or tuple of them): The selection, as in NumPy.

    Returns:
        ~chainer.Variable: The selected elements.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(12).reshape((2, 2, 3))
        >>> F.get_item(x, (Ellipsis, 2))
        variable([[ 2,  5],
                  [ 8, 11]])
    """
    return GetItem(slices).apply((x,))[0]


def install_variable_get_item():
    """Installs ``Variable.__getitem__``."""
    variable.Variable.__getitem__ = get_item
