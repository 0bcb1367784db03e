"""Product of a sparse (COO) matrix and a dense one, batched or not."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import type_check
from chainer_lite import variable


def _accumulation_dtype(dtype):
    # Sums of many float16 products lose too much precision in float16.
    return numpy.float32 if dtype == numpy.float16 else dtype


def _coo_matmul(sp_data, sp_row, sp_col, sp_shape, dn, transa, transb,
                transc, dtype=None):
    """Dense ``op(A) @ op(B)`` (optionally transposed) for a COO ``A``.

    Entries with a negative row or column index are padding.
    """
    if dtype is None:
        dtype = numpy.result_type(sp_data.dtype, dn.dtype)
    if transa:
        a_row, a_col = sp_col, sp_row
        m = sp_shape[1]
    else:
        a_row, a_col = sp_row, sp_col
        m = sp_shape[0]
    b = dn.swapaxes(-1, -2) if transb else dn
    xp = backend.get_array_module(sp_data, b)

    valid = (a_row >= 0) & (a_col >= 0)
    acc_dtype = _accumulation_dtype(dtype)
    if b.ndim == 2:
        c = xp.zeros((m, b.shape[-1]), acc_dtype)
        rows, cols = a_row[valid], a_col[valid]
        xp.add.at(c, rows, sp_data[valid][:, None].astype(acc_dtype) *
                  b[cols].astype(acc_dtype))
    else:
        c = xp.zeros((b.shape[0], m, b.shape[-1]), acc_dtype)
        batch = xp.broadcast_to(
            xp.arange(sp_data.shape[0])[:, None], sp_data.shape)[valid]
        rows, cols = a_row[valid], a_col[valid]
        xp.add.at(c, (batch, rows), sp_data[valid][:, None].astype(acc_dtype)
                  * b[batch, cols].astype(acc_dtype))
    c = c.astype(dtype, copy=False)
    return c.swapaxes(-1, -2) if transc else c


def _coo_matmul_gradsp(a, b, c_row, c_col, transa, transb, transc,
                       dtype=None):
    """The entries of ``op(a) @ op(b)`` at the given COO positions.

    The result has the layout of the COO data (zero at padding entries).
    """
    if dtype is None:
        dtype = numpy.result_type(a.dtype, b.dtype)
    if transa:
        a = a.swapaxes(-1, -2)
    if transb:
        b = b.swapaxes(-1, -2)
    if transc:
        c_row, c_col = c_col, c_row
    xp = backend.get_array_module(a, b)
    c = xp.matmul(a, b).astype(dtype, copy=False)
    valid = (c_row >= 0) & (c_col >= 0)
    c_data = xp.zeros(c_row.shape, dtype)
    if a.ndim == 2:
        c_data[valid] = c[c_row[valid], c_col[valid]]
    else:
        batch = xp.broadcast_to(
            xp.arange(c_row.shape[0])[:, None], c_row.shape)[valid]
        c_data[valid] = c[batch, c_row[valid], c_col[valid]]
    return c_data


def _check_indices(sp_row, sp_col, sp_shape):
    if sp_row.ndim != sp_col.ndim:
        raise ValueError('ndim of sp_row and sp_col must be the same.')
    if sp_row.ndim != 1 and sp_row.ndim != 2:
        raise ValueError('ndim of sp_row and sp_col must be one or two.')
    if sp_row.shape != sp_col.shape:
        raise ValueError('shape of sp_row and sp_col must be the same.')
    if len(sp_shape) != 2:
        raise ValueError('len(sp_shape) must be two.')


class _CooNode(function_node.FunctionNode):

    """Holds the fixed COO structure shared by the two product nodes.

    Args:
        sp_row, sp_col: Indices of the COO entries, ``((nb,) ldnz)``.
        sp_shape (tuple): Dense shape of one sparse matrix.
        sp_order (str): Entry order of the COO matrix (a GPU hint).
        transa, transb, transc (bool): Transpose the first operand, the
            second operand, the result.
        dtype: Output dtype (default: NumPy's promotion).
    """

    def __init__(self, sp_row, sp_col, sp_shape,
                 sp_order='other', transa=False, transb=False, transc=False,
                 dtype=None):
        _check_indices(sp_row, sp_col, sp_shape)
        self.sp_row, self.sp_col = sp_row, sp_col
        self.sp_shape = sp_shape
        self.sp_order = sp_order
        self.transa, self.transb, self.transc = transa, transb, transc
        self.dtype = dtype

    def _coo(self, transa, transb, transc, dtype):
        # A CooMatMul over the same sparsity pattern.
        return CooMatMul(self.sp_row, self.sp_col, self.sp_shape,
                         self.sp_order, transa, transb, transc, dtype=dtype)


class CooMatMul(_CooNode):

    """``op(sp) @ op(dn)`` for a COO ``sp`` (its ``data`` is the input)."""

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('sp', 'dn'))
        sp_type, dn_type = in_types
        # The summed-over size: columns of op(sp), rows of op(dn).
        inner = self.sp_shape[-2 if self.transa else -1]
        type_check.expect(
            sp_type.dtype.kind == 'f',
            dn_type.dtype.kind == 'f',
            dn_type.ndim >= 2,
            dn_type.ndim <= 3,
            sp_type.ndim == dn_type.ndim - 1,
            sp_type.shape[-1] == self.sp_row.shape[-1],
            inner == dn_type.shape[-1 if self.transb else -2],
        )
        if type_check.eval(dn_type.ndim) == 3:
            type_check.expect(
                sp_type.shape[0] == self.sp_row.shape[0],
                dn_type.shape[0] == self.sp_row.shape[0],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        sp, dn = inputs
        c = _coo_matmul(sp, self.sp_row, self.sp_col, self.sp_shape, dn,
                        self.transa, self.transb, self.transc, self.dtype)
        return utils.force_array(c, self.dtype),

    def backward(self, indexes, grad_outputs):
        sp, dn = self.get_retained_inputs()
        g_c, = grad_outputs
        ret = []
        if 0 in indexes:
            # Only the stored entries of the sparse operand get a gradient.
            node = CooMatMulGradSP(
                self.sp_row, self.sp_col, self.sp_shape, self.sp_order,
                self.transc, not self.transb, self.transa, dtype=sp.dtype)
            ret.append(node.apply((g_c, dn))[0])
        if 1 in indexes:
            node = self._coo(not self.transa, self.transc, self.transb,
                             dn.dtype)
            ret.append(node.apply((sp, g_c))[0])
        return ret


class CooMatMulGradSP(_CooNode):

    """The entries of ``op(a) @ op(b)`` at the positions of a COO matrix."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        a_type, b_type = in_types
        # (row axis, column axis) of each operand once transposed; the
        # result must have the dense shape of the sparse pattern.
        a_rows, a_cols = (-1, -2) if self.transa else (-2, -1)
        b_rows, b_cols = (-1, -2) if self.transb else (-2, -1)
        out_rows, out_cols = (-1, -2) if self.transc else (-2, -1)
        type_check.expect(
            a_type.dtype.kind == 'f',
            b_type.dtype.kind == 'f',
            a_type.ndim >= 2,
            a_type.ndim <= 3,
            a_type.ndim == b_type.ndim,
            a_type.shape[a_rows] == self.sp_shape[out_rows],
            b_type.shape[b_cols] == self.sp_shape[out_cols],
            a_type.shape[a_cols] == b_type.shape[b_rows],
        )
        if type_check.eval(a_type.ndim) == 3:
            type_check.expect(
                a_type.shape[0] == self.sp_row.shape[0],
                b_type.shape[0] == self.sp_row.shape[0],
            )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        a, b = inputs
        c = _coo_matmul_gradsp(a, b, self.sp_row, self.sp_col,
                               self.transa, self.transb, self.transc,
                               self.dtype)
        return utils.force_array(c),

    def backward(self, indexes, grad_outputs):
        a, b = self.get_retained_inputs()
        g_sp, = grad_outputs
        ret = []
        # The output is linear in each operand, with the sparse gradient
        # as the coefficient: both gradients are COO products.
        if 0 in indexes:
            node = self._coo(self.transc, not self.transb, self.transa,
                             a.dtype)
            ret.append(node.apply((g_sp, b))[0])
        if 1 in indexes:
            node = self._coo(not self.transc, self.transa, not self.transb,
                             b.dtype)
            ret.append(node.apply((g_sp, a))[0])
        return ret


def _is_dense(x):
    return isinstance(x, variable.Variable) or variable._is_array(x)


def sparse_matmul(a, b, transa=False, transb=False):
    """Batched product of a sparse (COO) matrix and a dense matrix.

    Either ``a`` is a :class:`~chainer.utils.CooMatrix` and ``b`` dense, or
    ``a`` is dense and ``b`` a COO matrix. Gradients flow to the dense
    operand and to the COO matrix's ``data``. Unlike Chainer, the CPU path
    does not need SciPy.

    Args:
        a (~chainer.Variable, :ref:`ndarray` or ~chainer.utils.CooMatrix):
            The left operand: a matrix, or a batch of them.
        b (~chainer.Variable, :ref:`ndarray` or ~chainer.utils.CooMatrix):
            The right operand, likewise.
        transa (bool): Transpose (each matrix of) ``a``.
        transb (bool): Transpose (each matrix of) ``b``.

    Returns:
        ~chainer.Variable: The dense product.

    Raises:
        ValueError: If both operands are sparse or both dense.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> from chainer import utils
        >>> a = utils.to_coo(np.array([[0.0, 2.0], [1.0, 0.0]]))
        >>> F.sparse_matmul(a, np.array([[1.0], [3.0]])).array
        array([[6.],
               [1.]])

    .. seealso:: :func:`~chainer.utils.to_coo` builds a COO matrix from a
       dense array.
    """
    if isinstance(a, utils.CooMatrix) and _is_dense(b):
        sparse, dense = a, b
        flags = (transa, transb, False)
    elif _is_dense(a) and isinstance(b, utils.CooMatrix):
        # a @ B = (B^T a^T)^T
        sparse, dense = b, a
        flags = (not transb, not transa, True)
    else:
        raise ValueError(
            'This combination of type of inputs is not supported.\n'
            '    a: {}\n    b: {}\n'.format(type(a), type(b)))
    node = CooMatMul(sparse.row, sparse.col, sparse.shape, sparse.order,
                     *flags)
    return node.apply((sparse.data, dense))[0]
