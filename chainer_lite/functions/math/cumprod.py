"""Cumulative product along an axis."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import cumsum as cumsum_mod
from chainer_lite.utils import type_check


def _take(x, axis, start, stop):
    # x[start:stop] along axis.
    return x[(slice(None),) * axis + (slice(start, stop),)]


class Cumprod(function_node.FunctionNode):

    """Running product along ``axis`` (of the flattened array if ``None``)."""

    def __init__(self, axis):
        self.axis = cumsum_mod._check_axis(axis)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')
        cumsum_mod._expect_axis_in_range(self.axis, in_types[0])

    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.cumprod(x, axis=self.axis),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import concat
        from chainer_lite.functions.array import flip
        x, = self.get_retained_inputs()
        y, = self.get_retained_outputs()
        gy, = grad_outputs
        axis = self.axis
        if axis is None:
            axis = 0
            x = x.reshape(-1)
        elif axis < 0:
            axis += y.ndim
        n = y.shape[axis]
        if n <= 1:
            gx = gy
        else:
            # dy_k/dx_i = y_{i-1} * x_{i+1} * ... * x_k (for k >= i), so
            # gx_i = y_{i-1} * s_i with s_i = gy_i + x_{i+1} * s_{i+1},
            # a recurrence run from the end.
            s = flip.flip(_CumprodSum(axis).apply((
                flip.flip(_take(x, axis, 1, None), axis),
                flip.flip(gy, axis)))[0], axis)
            xp = backend.get_array_module(y.array)
            ones = xp.ones_like(_take(y.array, axis, 0, 1))
            gx = s * concat.concat([ones, _take(y, axis, 0, n - 1)], axis)
        if self.axis is None:
            gx = gx.reshape(self.inputs[0].shape)
        return gx,


class _CumprodSum(function_node.FunctionNode):

    # z = R(a, b) along axis: z_0 = b_0, z_i = b_i + a_{i-1} * z_{i-1};
    # a is one shorter than b along the axis.

    def __init__(self, axis):
        self.axis = axis

    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        a, b = inputs
        xp = backend.get_array_module(b)
        z = xp.empty_like(b)
        lead = (slice(None),) * self.axis
        acc = b[lead + (0,)].copy()
        z[lead + (0,)] = acc
        for i in range(1, b.shape[self.axis]):
            acc *= a[lead + (i - 1,)]
            acc += b[lead + (i,)]
            z[lead + (i,)] = acc
        return z,

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import flip
        a, = self.get_retained_inputs()
        z, = self.get_retained_outputs()
        gz, = grad_outputs
        axis = self.axis
        # z is linear in b; the adjoint is the same recurrence run from the
        # end. Then a_{i-1} scales z_{i-1} into z_i.
        gb = flip.flip(_CumprodSum(axis).apply(
            (flip.flip(a, axis), flip.flip(gz, axis)))[0], axis)
        n = z.shape[axis]
        ga = _take(gb, axis, 1, None) * _take(z, axis, 0, n - 1)
        return ga, gb


def cumprod(x, axis=None):
    """Cumulative product of array elements along an axis.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array.
        axis (int or None): The axis along which the products accumulate
            (``None``: over the flattened array).

    Returns:
        ~chainer.Variable: The running products.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.cumprod(np.array([1.0, 2.0, 3.0, 4.0])).array
        array([ 1.,  2.,  6., 24.])
    """
    return Cumprod(axis).apply((x,))[0]
