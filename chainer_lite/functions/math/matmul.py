"""Matrix products: ``matmul`` (NumPy semantics) and ``batch_matmul``."""
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


def _flip_mats(x):
    # Transposes the matrices held in the last two axes; a vector stays.
    return x if x.ndim < 2 else x.swapaxes(-1, -2)


def _product(a, b, transa=False, transb=False, transout=False):
    # op(a) @ op(b), or its transpose, computed directly as
    # op(b)^T @ op(a)^T so that no copy of the result is needed.
    if transout:
        a, b, transa, transb = b, a, not transb, not transa
    left = _flip_mats(a) if transa else a
    right = _flip_mats(b) if transb else b
    return backend.get_array_module(a).matmul(left, right)


def _summed_axis(trans, is_left, row, col):
    # The axis of a matrix operand that the product sums over: the columns
    # of the left factor and the rows of the right one, swapped when the
    # operand is transposed.
    return col if trans != is_left else row


class MatMul(function_node.FunctionNode):

    """Matrix product with optional transposes of the operands and output.

    Args:
        transa (bool): Transpose (the matrices of) ``a``.
        transb (bool): Transpose (the matrices of) ``b``.
        transc (bool): Transpose the result.
        dtype: Cast the result to this dtype (default: NumPy's promotion).
    """

    def __init__(self, transa=False, transb=False, transc=False, dtype=None):
        self.transa = transa
        self.transb = transb
        self.transc = transc
        self.dtype = dtype

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
            a_type.ndim >= 1,
            b_type.ndim >= 1,
        )
        a_is_vec = type_check.eval(a_type.ndim) == 1
        b_is_vec = type_check.eval(b_type.ndim) == 1
        # A vector operand is never transposed and has a single axis.
        if a_is_vec and not b_is_vec:
            a_axis = 0
        else:
            a_axis = _summed_axis(self.transa and not a_is_vec, True, -2, -1)
        b_axis = 0 if b_is_vec else _summed_axis(self.transb, False, -2, -1)
        type_check.expect(a_type.shape[a_axis] == b_type.shape[b_axis])
        if not (a_is_vec or b_is_vec):
            type_check.expect_broadcast_shapes(
                a_type.shape[:-2], b_type.shape[:-2])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        out = _product(a, b, self.transa, self.transb, self.transc)
        dtype = out.dtype if self.dtype is None else self.dtype
        return utils.force_array(out, dtype),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import sum as sum_mod
        a, b = self.get_retained_inputs()
        gy, = grad_outputs
        # A vector operand acts as a one-row (a) or one-column (b) matrix;
        # with that view the matrix rule below covers every case.
        a_mat = a.reshape(1, a.shape[0]) if a.ndim == 1 else a
        b_mat = b.reshape(b.shape[0], 1) if b.ndim == 1 else b
        transa = self.transa and a.ndim > 1
        transb = self.transb and b.ndim > 1
        rows = a_mat.shape[-1 if transa else -2]
        cols = b_mat.shape[-2 if transb else -1]
        gy = gy.reshape(
            numpy.broadcast_shapes(a_mat.shape[:-2], b_mat.shape[:-2])
            + ((cols, rows) if self.transc else (rows, cols)))

        ret = []
        if 0 in indexes:
            ga, = MatMul(self.transc, not transb, transa, a.dtype).apply(
                (gy, b_mat))
            ret.append(sum_mod.sum_to(ga, a_mat.shape).reshape(a.shape))
        if 1 in indexes:
            gb, = MatMul(not transa, self.transc, transb, b.dtype).apply(
                (a_mat, gy))
            ret.append(sum_mod.sum_to(gb, b_mat.shape).reshape(b.shape))
        return ret


def matmul(a, b, transa=False, transb=False):
    """Matrix product of two arrays, with NumPy's ``matmul`` semantics.

    Two 1-D arrays give their dot product; 2-D arrays are matrices; arrays
    with more axes are stacks of matrices in the last two axes, broadcast
    along the other axes. A 1-D operand is a vector on its side of the
    product.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The left operand,
            a float array.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The right
            operand, a float array.
        transa (bool): Transpose each matrix of ``a`` (no effect on 1-D).
        transb (bool): Transpose each matrix of ``b`` (no effect on 1-D).

    Returns:
        ~chainer.Variable: The product.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> a = np.array([[1.0, 0.0], [0.0, 2.0]], np.float32)
        >>> b = np.array([[4.0, 1.0], [1.0, 1.0]], np.float32)
        >>> F.matmul(a, b).array
        array([[4., 1.],
               [2., 2.]], dtype=float32)
    """
    node = MatMul(transa=transa, transb=transb)
    return node.apply((a, b))[0]


def _as_mats(x):
    # The legacy batch layout: (B, M, N) is B matrices, (B, N) is B
    # columns of shape (N, 1). Works on arrays and Variables alike.
    return x.reshape(tuple(x.shape[:2]) + (-1,))


def _legacy_summed_size(typ, trans, is_left):
    axis = _summed_axis(trans, is_left, 1, 2)
    if axis == 2 and type_check.eval(typ.ndim) == 2:
        return 1  # the single column of a (B, N) batch
    return typ.shape[axis]


class BatchMatMul(function_node.FunctionNode):

    """Legacy batched product of ``float32`` matrices (see ``batch_matmul``).
    """

    def __init__(self, transa=False, transb=False):
        self.transa = transa
        self.transb = transb

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', 'b'))
        a_type, b_type = in_types
        type_check.expect(
            a_type.dtype == numpy.float32,
            b_type.dtype == numpy.float32
        )
        for t in (a_type, b_type):
            type_check.expect(t.ndim >= 2, t.ndim <= 3)
        type_check.expect(
            _legacy_summed_size(a_type, self.transa, True) ==
            _legacy_summed_size(b_type, self.transb, False))

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        return _product(_as_mats(a), _as_mats(b), self.transa, self.transb),

    def backward(self, indexes, grad_outputs):
        # The gradients are themselves matrix products; building them from
        # MatMul makes them differentiable again for free.
        a, b = self.get_retained_inputs()
        gy, = grad_outputs
        a_mats, b_mats = _as_mats(a), _as_mats(b)
        ret = []
        if 0 in indexes:
            ga, = MatMul(False, not self.transb, self.transa).apply(
                (gy, b_mats))
            ret.append(ga.reshape(a.shape))
        if 1 in indexes:
            gb, = MatMul(not self.transa, False, self.transb).apply(
                (a_mats, gy))
            ret.append(gb.reshape(b.shape))
        return ret


def batch_matmul(a, b, transa=False, transb=False):
    """Batch of matrix products of two sets of ``float32`` matrices.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): The left operands:
            a 3-D array ``(B, M, N)`` holds B matrices of shape ``(M, N)``;
            a 2-D array ``(B, N)`` holds B column vectors ``(N, 1)``.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): The right
            operands, read the same way.
        transa (bool): Transpose each matrix of ``a``.
        transb (bool): Transpose each matrix of ``b``.

    Returns:
        ~chainer.Variable: The ``(B, ., .)`` products.

    .. deprecated:: v3.0.0
       Use :func:`~chainer.functions.matmul` instead.
    """
    warnings.warn('batch_matmul is deprecated. Use matmul instead.',
                  DeprecationWarning)
    node = BatchMatMul(transa=transa, transb=transb)
    return node.apply((a, b))[0]
