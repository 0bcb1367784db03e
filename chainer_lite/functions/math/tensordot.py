"""Tensor dot product over given axes."""
import collections.abc

import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


def _contract(a, b, a_axes, b_axes, c_axes=None):
    """Contracts ``a``'s column axes with ``b``'s row axes.

    ``a_axes`` and ``b_axes`` are ``[row axes, column axes]``; ``c_axes``
    (if given) names the output positions of ``a``'s row axes and ``b``'s
    column axes, otherwise they come in NumPy's order.
    """
    a_rows, a_cols = a_axes
    b_rows, b_cols = b_axes
    if len(a_cols) != len(b_rows):
        raise ValueError('axes count mismatch')
    if a.ndim < len(a_cols) or b.ndim < len(b_rows):
        raise ValueError('dimension of input tensors must be '
                         'greater equal to dot-axes count ({})'
                         .format(len(a_cols)))
    for a_axis, b_axis in zip(a_cols, b_rows):
        if a.shape[a_axis] != b.shape[b_axis]:
            raise ValueError('shape mismatch')

    xp = backend.get_array_module(a)
    y = xp.tensordot(a, b, axes=(tuple(a_cols), tuple(b_rows)))

    if c_axes is not None:
        c_rows, c_cols = c_axes
        if len(a_rows) != len(c_rows) or len(b_cols) != len(c_cols):
            raise ValueError('axes count mismatch')
        # NumPy orders the free axes of a, then those of b, each in
        # increasing axis order; place each where c_axes says.
        a_free = sorted(a_rows)
        b_free = sorted(b_cols)
        source = [None] * y.ndim
        for axis, c_axis in zip(a_rows, c_rows):
            source[c_axis] = a_free.index(axis)
        for axis, c_axis in zip(b_cols, c_cols):
            source[c_axis] = len(a_free) + b_free.index(axis)
        if source != list(range(y.ndim)):
            y = xp.transpose(y, source)
    return y


class TensorDot(function_node.FunctionNode):

    """Tensor dot product (see :func:`tensordot`).

    Either ``axes`` (as for :func:`tensordot`), or the explicit
    ``a_axes``/``b_axes`` (``[row axes, column axes]`` of each operand) and
    optionally ``c_axes`` (where the output axes go), as backward uses.
    """

    def __init__(self, axes=2, a_axes=None, b_axes=None, c_axes=None,
                 dtype=None):
        if isinstance(axes, collections.abc.Sequence):
            if len(axes) != 2:
                raise ValueError('axes must be a pair of sequence of integers '
                                 'when it is a list or tuple.')
        elif not isinstance(axes, int):
            raise TypeError('axes must be a pair of sequence of integers or '
                            'an integer')
        self.axes = axes
        self.a_axes = a_axes
        self.b_axes = b_axes
        self.c_axes = c_axes
        self.dtype = dtype

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        if self.a_axes is None or self.b_axes is None:
            self.a_axes, self.b_axes = _axes_from_spec(a.ndim, b.ndim,
                                                       self.axes)
        c = _contract(a, b, self.a_axes, self.b_axes, self.c_axes)
        if self.c_axes is None:
            # NumPy's order: a's free axes first, then b's.
            n_a, n_b = len(self.a_axes[0]), len(self.b_axes[1])
            self.c_axes = [list(range(n_a)), list(range(n_a, n_a + n_b))]
        return utils.force_array(c, self.dtype),

    def backward(self, indexes, grad_outputs):
        a, b = self.get_retained_inputs()
        gc, = grad_outputs
        a_free, a_summed = self.a_axes
        b_summed, b_free = self.b_axes
        # Each gradient contracts gc with the other operand over that
        # operand's free axes; the result lands on the axes of its own
        # operand (its free axes from gc, its summed ones from the other).
        ga = gb = None
        if 0 in indexes:
            ga, = TensorDot(a_axes=self.c_axes, b_axes=[b_free, b_summed],
                            c_axes=self.a_axes, dtype=a.dtype).apply((gc, b))
        if 1 in indexes:
            gb, = TensorDot(a_axes=[a_summed, a_free], b_axes=self.c_axes,
                            c_axes=self.b_axes, dtype=b.dtype).apply((a, gc))
        return ga, gb


def _axes_from_spec(a_ndim, b_ndim, axes):
    """``[free, summed]`` axes of ``a`` and ``[summed, free]`` of ``b``.

    ``axes`` is an int (the last ``axes`` axes of ``a`` with the first of
    ``b``) or a pair of axis sequences (or single axes).
    """
    if isinstance(axes, collections.abc.Sequence):
        a_summed, b_summed = [
            [ax] if numpy.isscalar(ax) else list(ax) for ax in axes]
    else:
        a_summed = list(range(a_ndim - axes, a_ndim))
        b_summed = list(range(axes))
    a_free = [i for i in range(a_ndim) if i not in a_summed]
    b_free = [i for i in range(b_ndim) if i not in b_summed]
    return [a_free, a_summed], [b_summed, b_free]


def tensordot(a, b, axes=2):
    """Tensor dot product of two arrays along given axes.

    The paired axes of ``a`` and ``b`` are summed over after multiplying, as
    :func:`numpy.tensordot` does.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The first
            operand, a float array.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The second
            operand, a float array.
        axes: An int ``n`` pairs the last ``n`` axes of ``a`` with the
            first ``n`` of ``b``; a pair of sequences of ints names the
            paired axes of ``a`` and of ``b``.

    Returns:
        ~chainer.Variable: The product: ``a``'s free axes, then ``b``'s.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> a = np.ones((3, 4, 5))
        >>> b = np.ones((4, 5, 2))
        >>> F.tensordot(a, b).shape
        (3, 2)
        >>> F.tensordot(a, b, axes=((1,), (0,))).shape
        (3, 5, 5, 2)
    """
    return TensorDot(axes=axes).apply((a, b))[0]
