"""Split_axis: split a variable into pieces along an axis."""
import collections.abc

import numpy

from chainer_lite import backend
from chainer_lite.configuration import config
from chainer_lite import function_node
from chainer_lite.functions.array import concat
from chainer_lite.utils import type_check


def _get_indices_or_sections(indices_or_sections):
    """Validates the split specification.

    Returns:
        tuple: ``(indices, None)`` for a 1-D sequence of split points (as a
        list) or ``(None, sections)`` for a number of equal sections.
    """
    ios = indices_or_sections
    if isinstance(ios, numpy.ndarray):
        # An empty array is accepted whatever its dtype (numpy.array([]) is
        # float64).
        if ios.dtype.kind != 'i' and ios.size > 0:
            raise TypeError('indices_or_sections must be integers')
        if ios.ndim >= 2:
            raise TypeError('indices_or_sections must be 1-D sequence')
        if ios.ndim == 0:
            return None, ios
        indices = [int(i) for i in ios]
    elif isinstance(ios, collections.abc.Sequence):
        indices = list(ios)
    elif isinstance(ios, int):
        return None, ios
    else:
        raise TypeError(
            'indices_or_sections must be integer or 1-D array.\n'
            'Actual: {}'.format(type(indices_or_sections)))

    if config.debug:
        for p, n in zip(indices, indices[1:]):
            if p > n:
                raise ValueError('indices_or_sections must be sorted')
    return indices, None


class SplitAxis(function_node.FunctionNode):

    """Splits an array into several arrays along an axis."""

    def __init__(self, indices_or_sections, axis):
        self.indices, self.sections = _get_indices_or_sections(
            indices_or_sections)
        self.axis = axis

    @property
    def indices_or_sections(self):
        if self.indices is not None:
            return self.indices
        return self.sections

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(x_type.ndim > self.axis)
        length = x_type.shape[self.axis]
        if self.sections is not None:
            sections = type_check.make_variable(self.sections, 'sections')
            type_check.expect(length % sections == 0)
        elif self.indices:
            # The (sorted) split points must lie within the axis.
            max_index = type_check.make_variable(
                self.indices[-1], 'max_index')
            type_check.expect(length >= max_index)

    def forward(self, inputs):
        x, = inputs
        self._xp = backend.get_array_module(x)
        ys = self._xp.split(x, self.indices_or_sections, self.axis)
        self._shapes = [y.shape for y in ys]
        return tuple(ys)

    def backward(self, indexes, grad_outputs):
        # Outputs that received no gradient contribute zeros.
        dtype = self.inputs[0].dtype
        grads = [self._xp.zeros(shape, dtype) if g is None else g
                 for g, shape in zip(grad_outputs, self._shapes)]
        return concat.concat(grads, self.axis),


def split_axis(x, indices_or_sections, axis, force_tuple=True):
    """Splits a given variable along an axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Variable to split.
        indices_or_sections (int or 1-D array): An integer N splits into N
            equal parts; a sorted 1-D sequence gives the split positions.
        axis (int): Axis along which to split.
        force_tuple (bool): If ``True`` (default) a tuple is returned even
            for a single output; otherwise a single output is returned as a
            Variable.

    Returns:
        tuple or ~chainer.Variable: The pieces.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> [y.shape for y in F.split_axis(np.zeros((2, 7)), [2, 5], 1)]
        [(2, 2), (2, 3), (2, 2)]
    """
    ys = SplitAxis(indices_or_sections, axis).apply((x,))
    if force_tuple or len(ys) != 1:
        return ys
    return ys[0]
