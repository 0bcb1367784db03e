"""Mean and weighted average over axes."""
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _axis
from chainer_lite.utils import type_check


class Mean(function_node.FunctionNode):

    """Mean of array elements over a given axis."""

    def __init__(self, axis, keepdims):
        self.axis = _axis.normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        _axis.expect_axes_in_range(self.axis, in_types[0])

    def forward(self, inputs):
        x, = inputs
        if self.axis is None:
            count = x.size
        else:
            count = 1
            for axis in self.axis:
                count *= x.shape[axis]
        self.multiplier = 1.0 / count
        return utils.force_array(
            x.mean(axis=self.axis, keepdims=self.keepdims)),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        gy = grad_outputs[0] * self.multiplier
        x_shape = self.inputs[0].shape
        if not self.keepdims:
            gy = gy.reshape(_axis.keepdims_shape(x_shape, self.axis))
        return broadcast.broadcast_to(gy, x_shape),


def average(x, axis=None, weights=None, keepdims=False):
    """Weighted average of array elements over given axes.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None, int or tuple of int): Axes to average over (all by
            default).
        weights (None or :class:`~chainer.Variable` or :ref:`ndarray`):
            Weights of the elements (``None``: all one). With ``axis=None``
            it has the shape of ``x``; with one axis it is a 1-D array of
            length ``x.shape[axis]``. A tuple of several axes is not
            supported with weights.
        keepdims (bool): Keep the reduced axes as axes of length one.

    Returns:
        ~chainer.Variable: Output variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[1.0, 3.0], [5.0, 7.0]])
        >>> F.average(x, axis=1).array
        array([2., 6.])
        >>> F.average(x, axis=1, weights=np.array([1.0, 3.0])).array
        array([2.5, 6.5])
    """
    if weights is None:
        y, = Mean(axis, keepdims).apply((x,))
        return y

    from chainer_lite.functions.array import broadcast
    from chainer_lite.functions.array import reshape
    from chainer_lite.functions.math import sum as sum_mod

    if axis is not None:
        if isinstance(axis, tuple):
            axis = sorted(a + x.ndim if a < 0 else a for a in axis)
            if any(a == b for a, b in zip(axis, axis[1:])):
                raise ValueError('duplicate value in \'axis\'')
            axis = tuple(axis)
        else:
            axis = (axis + x.ndim if axis < 0 else axis),
        if len(axis) > 1:
            raise ValueError(
                'tuple axis is not supported when weights is given')

    divider = sum_mod.sum(weights)
    if axis is not None:
        w_shape = [d if i in axis else 1 for i, d in enumerate(x.shape)]
        weights = broadcast.broadcast_to(
            reshape.reshape(weights, w_shape), x.shape)
    x_sum = sum_mod.sum(x * weights, axis, keepdims)
    return x_sum / broadcast.broadcast_to(divider, x_sum.shape)
