"""Product over axes."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import _axis
from chainer_lite.utils import type_check


class Prod(function_node.FunctionNode):

    """Multiplies the elements over ``axis`` (all axes when ``None``)."""

    keepdims = False

    def __init__(self, axis=None, keepdims=False):
        self.axis = _axis.normalize_axis(axis)
        self.keepdims = keepdims

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        _axis.expect_axes_in_range(self.axis, in_types[0])

    def forward(self, inputs):
        self.retain_inputs((0,))
        xp = backend.get_array_module(*inputs)
        return xp.asarray(
            inputs[0].prod(axis=self.axis, keepdims=self.keepdims)),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        from chainer_lite.functions.array import concat
        from chainer_lite.functions.array import flip
        from chainer_lite.functions.math import cumprod
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        if self.axis is None:
            axes = tuple(range(x.ndim))
        else:
            axes = tuple(a % x.ndim for a in self.axis)
        gy = broadcast.broadcast_to(
            gy.reshape(_axis.keepdims_shape(x.shape, axes)), x.shape)
        if x.size == 0:
            return gy,

        # Bring the reduced axes to the front as one axis of length n. The
        # derivative w.r.t. x_i is the product of all the other elements:
        # (product of those before i) * (product of those after i), which
        # stays right when some elements are zero.
        kept = tuple(a for a in range(x.ndim) if a not in axes)
        order = axes + kept
        x_t = x.transpose(order)
        t_shape = x_t.shape
        kept_shape = t_shape[len(axes):]
        n = 1
        for axis in axes:
            n *= x.shape[axis]
        x_t = x_t.reshape((n,) + kept_shape)
        xp = backend.get_array_module(x.array)
        ones = xp.ones((1,) + kept_shape, x.dtype)

        def exclusive_cumprod(a):
            return cumprod.cumprod(concat.concat([ones, a[:-1]], 0), 0)

        gx = exclusive_cumprod(x_t) * flip.flip(
            exclusive_cumprod(flip.flip(x_t, 0)), 0)
        gx = gx.reshape(t_shape).transpose(tuple(numpy.argsort(order)))
        return gx * gy,


def prod(x, axis=None, keepdims=False):
    """Product of array elements over given axes.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (None, int, or tuple of int): Axes to reduce (all by default).
        keepdims (bool): Keep the reduced axes as axes of length one.

    Returns:
        ~chainer.Variable: The products.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.prod(np.array([[1.0, 2.0], [3.0, 4.0]]), axis=0).array
        array([3., 8.])
    """
    return Prod(axis, keepdims).apply((x,))[0]
