"""Determinant of a square matrix, or of each matrix of a batch."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.math import inv
from chainer_lite.utils import precision
from chainer_lite.utils import type_check


class BatchDet(function_node.FunctionNode):

    @property
    def label(self):
        return 'det'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        inv.expect_square_matrices(in_types, 3, name='x')

    @precision._fp16_mixed_precision_helper
    def forward(self, inputs):
        self.retain_inputs((0,))
        self.retain_outputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        return xp.linalg.det(x),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        x, = self.get_retained_inputs()
        det_x, = self.get_retained_outputs()
        gy, = grad_outputs
        # d det(X) / dX = det(X) X^-T (Jacobi's formula).
        inv_xt = inv.batch_inv(x.transpose((0, 2, 1)))
        shape = inv_xt.shape
        scale = (gy * det_x).reshape(-1, 1, 1)
        return broadcast.broadcast_to(scale, shape) * inv_xt,


def batch_det(a):
    """Determinant of each square matrix of a batch.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            shape ``(m, n, n)``.

    Returns:
        ~chainer.Variable: The ``m`` determinants.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> a = np.array([[[2.0, 0.0], [0.0, 3.0]], [[1.0, 2.0], [3.0, 4.0]]])
        >>> F.batch_det(a).array
        array([ 6., -2.])
    """
    return BatchDet().apply((a,))[0]


def det(a):
    """Determinant of a square matrix.

    Args:
        a (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            shape ``(n, n)``.

    Returns:
        ~chainer.Variable: The determinant, a 0-dim variable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.det(np.array([[1.0, 2.0], [3.0, 4.0]])).array
        array(-2.)
    """
    from chainer_lite.functions.array import reshape
    batched = reshape.reshape(a, (1, a.shape[0], a.shape[1]))
    return reshape.reshape(BatchDet().apply((batched,))[0], ())
