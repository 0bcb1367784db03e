"""Inverse of a square matrix, or of each matrix of a batch."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import precision
from chainer_lite.utils import type_check


def expect_square_matrices(in_types, ndim, name='a'):
    """Type check of one float input holding square matrices.

    ``ndim`` is 2 for a single matrix and 3 for a batch of them; ``name``
    names the input in error messages.
    """
    type_check._argname(in_types, (name,))
    a_type, = in_types
    type_check.expect(a_type.dtype.kind == 'f')
    type_check.expect(a_type.ndim == ndim)
    rows, cols = (0, 1) if ndim == 2 else (-1, -2)
    type_check.expect(a_type.shape[rows] == a_type.shape[cols])


def _inverse(a):
    xp = backend.get_array_module(a)
    if xp is numpy:
        try:
            return utils.force_array(numpy.linalg.inv(a))
        except numpy.linalg.LinAlgError:
            raise ValueError('Input has singular matrices.')
    # CuPy reports singular matrices only when asked to (in debug mode, as
    # Chainer does); otherwise the result holds infs/NaNs.
    from chainer_lite.configuration import config
    if not config.debug:
        return xp.linalg.inv(a)
    import cupyx
    try:
        with cupyx.errstate(linalg='raise'):
            return xp.linalg.inv(a)
    except numpy.linalg.LinAlgError:
        raise ValueError('Input has singular matrices.')


def _inv_grad(inv_x, gy):
    # d(X^-1) = -X^-1 dX X^-1, so gX = -X^-T gY X^-T.
    from chainer_lite.functions.math import matmul
    return matmul.matmul(matmul.matmul(-inv_x, gy, transa=True), inv_x,
                         transb=True)


class Inv(function_node.FunctionNode):

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        expect_square_matrices(in_types, 2)

    @precision._fp16_mixed_precision_helper
    def forward(self, inputs):
        self.retain_outputs((0,))
        return _inverse(inputs[0]),

    def backward(self, indexes, grad_outputs):
        inv_x, = self.get_retained_outputs()
        return _inv_grad(inv_x, grad_outputs[0]),


class BatchInv(function_node.FunctionNode):

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        expect_square_matrices(in_types, 3)

    @precision._fp16_mixed_precision_helper
    def forward(self, inputs):
        self.retain_outputs((0,))
        return _inverse(inputs[0]),

    def backward(self, indexes, grad_outputs):
        inv_x, = self.get_retained_outputs()
        return _inv_grad(inv_x, grad_outputs[0]),


def inv(a):
    """Inverse of a square matrix.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            shape ``(n, n)``.

    Returns:
        ~chainer.Variable: The inverse, of shape ``(n, n)``.

    Raises:
        ValueError: If the matrix is singular.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.inv(np.array([[2.0, 0.0], [0.0, 4.0]])).array
        array([[0.5 , 0.  ],
               [0.  , 0.25]])
    """
    return Inv().apply((a,))[0]


def batch_inv(a):
    """Inverse of each square matrix of a batch.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            shape ``(m, n, n)``: ``m`` matrices of shape ``(n, n)``.

    Returns:
        ~chainer.Variable: The inverses, of shape ``(m, n, n)``.

    Raises:
        ValueError: If a matrix is singular.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.batch_inv(np.array([[[2.0]], [[4.0]]])).array
        array([[[0.5 ]],
        <BLANKLINE>
               [[0.25]]])
    """
    return BatchInv().apply((a,))[0]
