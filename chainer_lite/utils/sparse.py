"""Sparse COO matrices, for :func:`chainer.functions.sparse_matmul`."""
from chainer_lite import backend


class CooMatrix(object):

    """A sparse matrix (or a batch of them) in COO format.

    Entries whose row or column index is negative are padding and are
    ignored.

    Args:
        data (ndarray): Entry values, shape ``(nnz,)`` or ``(batch, nnz)``.
        row (ndarray): Row index of each entry (same shape as ``data``).
        col (ndarray): Column index of each entry (same shape as ``data``).
        shape (tuple of int): Dense shape ``(rows, cols)`` of one matrix.
        order ('C', 'F', 'other' or None): Whether entries are sorted by row
            (``'C'``), by column (``'F'``) or neither; detected when ``None``.
        requires_grad (bool): Whether gradients flow to ``data``.

    Attributes:
        data (~chainer.Variable): The entry values.
        row, col (ndarray): The indices.
        shape (tuple of int): The dense shape of one matrix.
        order (str): ``'C'``, ``'F'`` or ``'other'``.
    """

    def __init__(self, data, row, col, shape, order=None,
                 requires_grad=False):
        if not (1 <= data.ndim <= 2):
            raise ValueError('ndim of data must be 1 or 2.')
        if not (data.ndim == row.ndim == col.ndim):
            raise ValueError('ndim of data, row and col must be the same.')
        if len(shape) != 2:
            raise ValueError('length of shape must be 2.')
        if not (shape[0] > 0 and shape[1] > 0):
            raise ValueError('numbers in shape must be greater than 0.')
        if order not in ('C', 'F', 'other', None):
            raise ValueError('order must be \'C\', \'F\', \'other\' or None.')
        from chainer_lite import variable
        self.data = variable.Variable(data, requires_grad=requires_grad)
        self.row = row
        self.col = col
        self.shape = shape
        self.order = get_order(row, col) if order is None else order

    def to_dense(self):
        """Returns the dense array (duplicate indices are summed)."""
        data = self.data.array
        xp = backend.get_array_module(data)
        batched = data.ndim == 2
        shape = ((data.shape[0],) if batched else ()) + tuple(self.shape)
        dense = xp.zeros(shape, dtype=data.dtype)
        if data.size == 0:
            return dense
        valid = (self.row >= 0) & (self.col >= 0)
        if batched:
            batch = xp.broadcast_to(
                xp.arange(data.shape[0])[:, None], data.shape)
            index = (batch[valid], self.row[valid], self.col[valid])
        else:
            index = (self.row[valid], self.col[valid])
        xp.add.at(dense, index, data[valid])
        return dense


def to_coo(x, ldnz=None, requires_grad=False):
    """Converts a dense matrix (or a batch of them) to a :class:`CooMatrix`.

    Args:
        x (ndarray): A 2-D matrix or a 3-D batch of matrices.
        ldnz (int): Length of the entry arrays; the actual length is the
            largest of ``ldnz`` and the number of non-zeros (per matrix).
            Unused slots are padding (value 0, indices -1).
        requires_grad (bool): Whether gradients flow to the entries.

    Returns:
        CooMatrix: The non-zero entries in row-major order.

    Example:

        >>> import numpy as np
        >>> from chainer import utils
        >>> x = utils.to_coo(np.array([[0, 2, 0], [-1, 0, 0]], np.float32))
        >>> x.row, x.col, x.shape
        (array([0, 1], dtype=int32), array([1, 0], dtype=int32), (2, 3))
    """
    xp = backend.get_array_module(x)
    if x.ndim not in (2, 3):
        raise ValueError('ndim of x must be 2 or 3.')
    matrices = x if x.ndim == 3 else x[None]
    counts = [int(xp.count_nonzero(m)) for m in matrices]
    length = max([ldnz or 0] + counts)
    # Unused slots are padding: value 0 at index (-1, -1).
    data = xp.zeros((len(matrices), length), dtype=x.dtype)
    row = xp.full((len(matrices), length), -1, dtype=xp.int32)
    col = xp.full((len(matrices), length), -1, dtype=xp.int32)
    for i, (m, nnz) in enumerate(zip(matrices, counts)):
        r, c = xp.nonzero(m)
        data[i, :nnz] = m[r, c]
        row[i, :nnz] = r
        col[i, :nnz] = c
    if x.ndim == 2:
        data, row, col = data[0], row[0], col[0]
    return CooMatrix(data, row, col, x.shape[-2:],
                     requires_grad=requires_grad)


def get_order(row, col):
    """Tells how the entries of a COO matrix are sorted.

    Padding entries (negative indices) are ignored.

    Args:
        row (ndarray): Row indices (1-D, or 2-D for a batch).
        col (ndarray): Column indices, same shape as ``row``.

    Returns:
        str: ``'C'`` if sorted by row then column, else ``'F'`` if sorted by
        column then row, else ``'other'``.

    Raises:
        ValueError: If the shapes differ or an index is negative while its
            partner is not.

    Example:

        >>> import numpy as np
        >>> from chainer import utils
        >>> utils.get_order(np.array([0, 0, 1]), np.array([0, 2, 1]))
        'C'
    """
    if _is_c_order(row, col):
        return 'C'
    if _is_c_order(col, row):
        return 'F'
    return 'other'


def _is_c_order(row, col):
    # Whether (row, col) pairs are in lexicographic order.
    if row.shape != col.shape:
        raise ValueError('shape of row and col must be the same.')
    if row.ndim != 1:
        return all([_is_c_order(r, c) for r, c in zip(row, col)])
    xp = backend.get_array_module(row)
    row_valid = row >= 0
    col_valid = col >= 0
    if bool((row_valid != col_valid).any()):
        raise ValueError('invalid index combination of row and col.')
    row = row[row_valid]
    col = col[row_valid]
    if row.size <= 1:
        return True
    row_step = row[1:] - row[:-1]
    if bool((row_step < 0).any()):
        return False
    col_step = col[1:] - col[:-1]
    return not bool(xp.logical_and(row_step == 0, col_step < 0).any())
