"""Maximum and minimum over axes, and the indices where they are found."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import _axis
from chainer_lite.utils import type_check


class SelectorBase(function_node.FunctionNode):

    """Reduces ``x`` over ``axis`` to one of its elements (max or min).

    Subclasses name the reducing array function in ``_reduction``.
    """

    _reduction = None

    def __init__(self, axis=None, keepdims=False):
        self.keepdims = keepdims
        self.axis = _axis.normalize_axis(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        _axis.expect_axes_in_range(self.axis, in_types[0])

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        reduce = getattr(xp, self._reduction)
        return xp.asarray(reduce(x, axis=self.axis, keepdims=self.keepdims)),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        x = self.get_retained_inputs()[0]
        y = self.get_retained_outputs()[0]
        shape = _axis.keepdims_shape(x.shape, self.axis)
        # Every element equal to the selected value gets the gradient.
        cond = x.array == y.array.reshape(shape)
        gy = broadcast.broadcast_to(grad_outputs[0].reshape(shape), x.shape)
        return gy * cond,


class Max(SelectorBase):

    _reduction = 'amax'


class Min(SelectorBase):

    _reduction = 'amin'


class IndexSelectorBase(function_node.FunctionNode):

    """Position (``int32``) of the max or min of ``x`` along one axis.

    Subclasses name the array function in ``_reduction``; ``axis=None``
    searches the flattened array.
    """

    _reduction = None

    def __init__(self, axis=None):
        if axis is not None and not isinstance(axis, int):
            raise TypeError('None or int are required')
        self.axis = axis

    def check_type_forward(self, in_types):
        type_check.expect(
            in_types.size() == 1,
            in_types[0].dtype.kind == 'f'
        )
        if self.axis is not None:
            _axis.expect_axes_in_range((self.axis,), in_types[0])

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        position = getattr(xp, self._reduction)(x, axis=self.axis)
        return xp.asarray(position.astype(numpy.int32)),

    def backward(self, indexes, grad_outputs):
        # An index is piecewise constant in x: no gradient.
        return None,


class ArgMin(IndexSelectorBase):

    _reduction = 'argmin'


class ArgMax(IndexSelectorBase):

    _reduction = 'argmax'


def max(x, axis=None, keepdims=False):
    """Maximum of array elements over given axes.

    The gradient flows to every element equal to the maximum.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None, int, or tuple of int): Axes to reduce (all by default).
        keepdims (bool): Keep the reduced axes as axes of length one.

    Returns:
        ~chainer.Variable: The maxima.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.max(np.array([[1.0, 4.0], [3.0, 2.0]]), axis=1).array
        array([4., 3.])
    """
    return Max(axis, keepdims).apply((x,))[0]


def min(x, axis=None, keepdims=False):
    """Minimum of array elements over given axes.

    The gradient flows to every element equal to the minimum.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None, int, or tuple of int): Axes to reduce (all by default).
        keepdims (bool): Keep the reduced axes as axes of length one.

    Returns:
        ~chainer.Variable: The minima.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.min(np.array([[1.0, 4.0], [3.0, 2.0]]), axis=0).array
        array([1., 2.])
    """
    return Min(axis, keepdims).apply((x,))[0]


def argmax(x, axis=None):
    """Index of the maximum of array elements along an axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None or int): The axis to search (``None``: the flattened
            array).

    Returns:
        ~chainer.Variable: An ``int32`` variable of indices (not
        differentiable).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.argmax(np.array([[1.0, 4.0], [3.0, 2.0]]), axis=1).array
        array([1, 0], dtype=int32)
    """
    return ArgMax(axis).apply((x,))[0]


def argmin(x, axis=None):
    """Index of the minimum of array elements along an axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None or int): The axis to search (``None``: the flattened
            array).

    Returns:
        ~chainer.Variable: An ``int32`` variable of indices (not
        differentiable).

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.argmin(np.array([[1.0, 4.0], [3.0, 2.0]]), axis=1).array
        array([0, 1], dtype=int32)
    """
    return ArgMin(axis).apply((x,))[0]
