"""Mean and weighted average over axes."""
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.functions.math import _axis
from chainer_lite.utils import type_check


class Mean(function_node.FunctionNode):

    """Unweighted mean over ``axis`` (all axes when ``None``)."""

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
        weights (:class:`~chainer.Variable`, :ref:`ndarray` or None):
            Weights of the elements (``None``: all one). With ``axis=None``
            it has the shape of ``x``; with one axis it is a 1-D array of
            length ``x.shape[axis]``. A tuple of several axes is not
            supported with weights.
        keepdims (bool): Keep the reduced axes as axes of length one.

    Returns:
        ~chainer.Variable: The (weighted) means.

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
        given = axis if isinstance(axis, tuple) else (axis,)
        axes = [a + x.ndim if a < 0 else a for a in given]
        if len(set(axes)) < len(axes):
            raise ValueError('duplicate value in \'axis\'')
        if len(axes) > 1:
            raise ValueError(
                'tuple axis is not supported when weights is given')
        axis = tuple(axes)
    total_weight = sum_mod.sum(weights)
    if axis is not None:
        # The 1-D weights run along the averaged axis; spread them over
        # the other axes.
        along = tuple(x.shape[i] if i in axis else 1 for i in range(x.ndim))
        weights = broadcast.broadcast_to(
            reshape.reshape(weights, along), x.shape)
    weighted_sum = sum_mod.sum(x * weights, axis, keepdims)
    return weighted_sum / broadcast.broadcast_to(total_weight,
                                                 weighted_sum.shape)
