"""Select_item: pick one element per row by index."""
from chainer_lite import backend
from chainer_lite.configuration import config
from chainer_lite import function_node
from chainer_lite.utils import type_check


class SelectItem(function_node.FunctionNode):

    """Selects ``x[i, t[i]]`` for every row ``i``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            t_type.dtype.kind == 'i',
            x_type.ndim == 2,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
        )

    def forward(self, inputs):
        self.retain_inputs((1,))
        x, t = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        if config.debug:
            if not ((0 <= t).all() and (t < x.shape[1]).all()):
                raise ValueError(
                    'Each label `t` need to satisfty `0 <= t < x.shape[1]`')
        xp = backend.get_array_module(x)
        return x[xp.arange(t.size), t],

    def backward(self, indexes, grad_outputs):
        t, = self.get_retained_inputs()
        ret = []
        if 0 in indexes:
            ret.append(Assign(self._in_shape, self._in_dtype, t).apply(
                grad_outputs)[0])
        if 1 in indexes:
            ret.append(None)
        return ret


class Assign(function_node.FunctionNode):

    """Places ``gy[i]`` at ``(i, t[i])`` of a zero array (SelectItem's
    adjoint)."""

    def __init__(self, shape, dtype, t):
        self.shape = shape
        self.dtype = dtype
        self.t = t.array

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self.shape, self.dtype)
        gx[xp.arange(self.t.size), self.t] = gy
        return gx,

    def backward(self, indexes, grad_outputs):
        return SelectItem().apply((grad_outputs[0], self.t))


def select_item(x, t):
    """Selects elements stored in given indices.

    ``y[i] == x[i, t[i]]`` for all ``i`` (that is, ``t.choose(x.T)``).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A two-dimensional
            array.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): A one-dimensional
            int array of length ``x.shape[0]``.

    Returns:
        ~chainer.Variable: The selected elements, of shape ``(x.shape[0],)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[9, 8], [7, 6], [5, 4]], np.float32)
        >>> F.select_item(x, np.array([1, 0, 1], np.int32)).array
        array([8., 7., 4.], dtype=float32)
    """
    return SelectItem().apply((x, t))[0]
