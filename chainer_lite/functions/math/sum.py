"""Sums: over axes (``sum``) and down to a given shape (``sum_to``)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check
from chainer_lite import variable


def _broadcast_to(x, shape):
    from chainer_lite.functions.array import broadcast
    return broadcast.broadcast_to(x, shape)


def _sum_to_array(x, shape):
    """Sums an array's broadcast axes so that it gets ``shape``."""
    ndim = len(shape)
    lead = x.ndim - ndim
    lead_axis = tuple(range(lead))
    axis = tuple([i + lead for i, sx in enumerate(shape)
                  if sx == 1 and x.shape[i + lead] != 1])
    y = x.sum(lead_axis + axis, keepdims=True)
    if lead > 0:
        y = y.reshape(y.shape[lead:])
    return y


class Sum(function_node.FunctionNode):

    """Sum of array elements over a given axis."""

    keepdims = False

    def __init__(self, axis=None, keepdims=False):
        if axis is None:
            self.axis = None
        elif isinstance(axis, int):
            self.axis = (axis,)
        elif isinstance(axis, tuple) and all(isinstance(a, int)
                                             for a in axis):
            if len(set(axis)) != len(axis):
                raise ValueError('duplicate value in axis: ({})'.format(
                    ', '.join(map(str, axis))))
            self.axis = axis
        else:
            raise TypeError('None, int or tuple of int are required')
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        if self.axis is not None:
            for axis in self.axis:
                if axis >= 0:
                    type_check.expect(axis < in_types[0].ndim)
                else:
                    type_check.expect(-axis - 1 < in_types[0].ndim)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.asarray(x.sum(axis=self.axis, keepdims=self.keepdims)),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        ndim = len(self.inputs[0].shape)
        if not (ndim == 0 or self.axis is None or self.keepdims):
            actual_axis = sorted(axis if axis >= 0 else axis + ndim
                                 for axis in self.axis)
            shape = list(gy.shape)
            for axis in actual_axis:
                shape.insert(axis, 1)
            gy = gy.reshape(tuple(shape))
        return _broadcast_to(gy, self.inputs[0].shape),


def sum(x, axis=None, keepdims=False):
    """Sum of array elements over a given axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Elements to sum
            (a float array).
        axis (None, int, or tuple of int): Axis along which the sum is taken
            (all axes by default).
        keepdims (bool): Keep the summed axes as axes of length one.

    Returns:
        ~chainer.Variable: Output variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(6).reshape(2, 3).astype(np.float32)
        >>> F.sum(x, axis=1).array
        array([ 3., 12.], dtype=float32)
    """
    y, = Sum(axis, keepdims).apply((x,))
    return y


class SumTo(function_node.FunctionNode):

    """Sum axes to output an array of a given shape."""

    def __init__(self, shape):
        self._shape = shape

    def forward(self, inputs):
        return _sum_to_array(inputs[0], self._shape),

    def backward(self, indexes, grad_outputs):
        return _broadcast_to(grad_outputs[0], self.inputs[0].shape),


def sum_to(x, shape):
    """Sum elements along axes to output an array of a given shape.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input variable.
        shape (tuple of int): The target shape (``x`` must broadcast to it
            backwards).

    Returns:
        ~chainer.Variable: Output variable of shape ``shape``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.sum_to(np.ones((2, 3)), (1, 3)).array
        array([[2., 2., 2.]])
    """
    if x.shape == shape:
        return variable.as_variable(x)
    y, = SumTo(shape).apply((x,))
    return y
