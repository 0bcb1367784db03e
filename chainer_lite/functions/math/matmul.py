"""Matrix products: ``matmul`` (NumPy semantics) and ``batch_matmul``."""
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check


def _as_batch_mat(x):
    # (B, M, ...) -> (B, M, rest): a batch of matrices.
    return x.reshape(len(x), x.shape[1], -1)


def _matmul(a, b, transa=False, transb=False, transout=False):
    # Transposes act on the last two axes and never on vectors; a
    # transposed output is computed as b^T a^T.
    if transout:
        transa, transb = not transb, not transa
        a, b = b, a
    if transa and a.ndim != 1:
        a = a.swapaxes(-1, -2)
    if transb and b.ndim != 1:
        b = b.swapaxes(-1, -2)
    xp = backend.get_array_module(a)
    return xp.matmul(a, b)


def _check_ndim(in_type, lower=1, upper=2):
    type_check.expect(
        in_type.ndim >= lower,
        in_type.ndim <= upper
    )


def _get_check_index(trans, right, row_idx=0, col_idx=1):
    # The axis of an operand that is contracted in the product.
    if trans ^ right:
        return row_idx
    return col_idx


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

        a_ndim = type_check.eval(a_type.ndim)
        b_ndim = type_check.eval(b_type.ndim)
        if b_ndim == 1:
            a_idx = -2 if self.transa and a_ndim > 1 else -1
            type_check.expect(a_type.shape[a_idx] == b_type.shape[0])
        elif a_ndim == 1:
            b_idx = -1 if self.transb and b_ndim > 1 else -2
            type_check.expect(a_type.shape[0] == b_type.shape[b_idx])
        else:
            a_idx = _get_check_index(self.transa, False,
                                     row_idx=-2, col_idx=-1)
            b_idx = _get_check_index(self.transb, True,
                                     row_idx=-2, col_idx=-1)
            type_check.expect(a_type.shape[a_idx] == b_type.shape[b_idx])
            type_check.expect_broadcast_shapes(
                a_type.shape[:-2], b_type.shape[:-2])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        y = _matmul(a, b, self.transa, self.transb, self.transc)
        dtype = y.dtype if self.dtype is None else self.dtype
        return utils.force_array(y, dtype),

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
    return MatMul(transa=transa, transb=transb).apply((a, b))[0]


def _get_size(typ, index):
    # A 2-D batch (B, N) stands for B matrices of shape (N, 1).
    if index == 2 and type_check.eval(typ.ndim) == 2:
        return 1
    return typ.shape[index]


def _batch_matmul(a, b, transa, transb, transout):
    a = a.reshape(a.shape[:2] + (-1,))
    b = b.reshape(b.shape[:2] + (-1,))
    return _matmul(a, b, transa, transb, transout)


class BatchMatMul(function_node.FunctionNode):

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

        _check_ndim(a_type, lower=2, upper=3)
        _check_ndim(b_type, lower=2, upper=3)

        a_idx = _get_check_index(self.transa, False, row_idx=1, col_idx=2)
        b_idx = _get_check_index(self.transb, True, row_idx=1, col_idx=2)
        a_size = _get_size(a_type, a_idx)
        b_size = _get_size(b_type, b_idx)
        type_check.expect(
            a_size == b_size
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        return _batch_matmul(a, b, self.transa, self.transb, False),

    def backward(self, indexes, grad_outputs):
        a, b = self.get_retained_inputs()
        return BatchMatMulGrad(self.transa, self.transb).apply(
            (a, b, grad_outputs[0]))


class BatchMatMulGrad(function_node.FunctionNode):

    """Gradients of :class:`BatchMatMul` w.r.t. both operands."""

    def __init__(self, transa=False, transb=False):
        self.transa = transa
        self.transb = transb

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2))
        a, b, gy = inputs
        ga = _batch_matmul(gy, b, False, not self.transb,
                           self.transa).reshape(a.shape)
        gb = _batch_matmul(a, gy, not self.transa, False,
                           self.transb).reshape(b.shape)
        return ga, gb

    def backward(self, indexes, grad_outputs):
        a, b, gy = self.get_retained_inputs()
        gga, ggb = grad_outputs
        xp = backend.get_array_module(a.array)
        if gga is None:
            gga = xp.zeros_like(a.array)
        if ggb is None:
            ggb = xp.zeros_like(b.array)
        ret = []
        # (ga, gb) is bilinear in ((a, b), gy): the gradient w.r.t. a and b
        # is the same map applied to (gga, ggb), and w.r.t. gy it is the
        # forward product of each with the other operand.
        if 0 in indexes or 1 in indexes:
            ga, gb = BatchMatMulGrad(self.transa, self.transb).apply(
                (gga, ggb, gy))
            if 0 in indexes:
                ret.append(ga)
            if 1 in indexes:
                ret.append(gb)
        if 2 in indexes:
            ret.append(
                BatchMatMul(self.transa, self.transb).apply((gga, b))[0] +
                BatchMatMul(self.transa, self.transb).apply((a, ggb))[0])
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
    return BatchMatMul(transa=transa, transb=transb).apply((a, b))[0]
