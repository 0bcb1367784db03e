"""Cholesky decomposition of a symmetric positive-definite matrix."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class Cholesky(function_node.FunctionNode):

    @property
    def label(self):
        return 'cholesky'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('a', ))
        a_type, = in_types
        type_check.expect(
            a_type.dtype.kind == 'f',
            a_type.ndim == 2,
        )

    def forward(self, inputs):
        a, = inputs
        self.retain_outputs((0,))
        xp = backend.get_array_module(a)
        return xp.linalg.cholesky(a),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.math import inv
        from chainer_lite.functions.math import matmul
        gy, = grad_outputs
        y, = self.get_retained_outputs()
        xp = backend.get_array_module(y.array)
        n = y.shape[0]
        dtype = y.dtype
        # For A = L L^T (Murray, 2016, arXiv:1602.07527):
        # Phi = lower triangle of L^T gL with its diagonal halved,
        # S = L^-T Phi L^-1, and gA is the symmetric part of S.
        y_inv = inv.inv(y)
        # Lower-triangular weights: 1 below the diagonal, 1/2 on it.
        lower_half_diag = xp.tril(xp.ones((n, n), dtype), -1) + \
            0.5 * xp.eye(n, dtype=dtype)
        phi = lower_half_diag * matmul.matmul(y, gy, transa=True)
        s = matmul.matmul(matmul.matmul(y_inv, phi, transa=True), y_inv)
        return 0.5 * (s + s.T),


def cholesky(a):
    """Cholesky decomposition of a symmetric positive-definite matrix.

    Computes the lower-triangular :math:`L` with :math:`A = L L^T`.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): A symmetric
            positive-definite float matrix of shape ``(n, n)``.

    Returns:
        ~chainer.Variable: The lower-triangular factor, shape ``(n, n)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.cholesky(np.array([[4.0, 2.0], [2.0, 5.0]])).array
        array([[2., 0.],
               [1., 2.]])
    """
    return Cholesky().apply((a,))[0]
