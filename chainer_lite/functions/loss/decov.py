"""DeCov loss: penalizes the covariance between hidden units."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.loss.cross_covariance import _centered
from chainer_lite.functions.math import matmul
from chainer_lite import utils
from chainer_lite.utils import type_check


def _off_diagonal(xp, n, dtype):
    return 1 - xp.eye(n, dtype=dtype)


class DeCov(function_node.FunctionNode):

    """DeCov loss (https://arxiv.org/abs/1511.06068)."""

    def __init__(self, reduce='half_squared_sum'):
        if reduce not in ('half_squared_sum', 'no'):
            raise ValueError(
                "only 'half_squared_sum' and 'no' are valid "
                "for 'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('h',))
        h_type, = in_types
        type_check.expect(
            h_type.dtype.kind == 'f',
            h_type.ndim == 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        h, = inputs
        xp = backend.get_array_module(h)
        h_c = _centered(h)
        # Only the covariances between different units are penalized.
        cov = xp.matmul(h_c.T, h_c) / h.dtype.type(len(h))
        cov *= _off_diagonal(xp, h.shape[1], h.dtype)
        if self.reduce == 'no':
            return cov,
        return utils.force_array(
            h.dtype.type(0.5) * xp.square(cov).sum(), h.dtype),

    def backward(self, indexes, grad_outputs):
        h, = self.get_retained_inputs()
        gcost, = grad_outputs
        xp = backend.get_array_module(h)
        n, m = h.shape
        h_c = _centered(h)
        off = _off_diagonal(xp, m, h.dtype)
        # Gradient with respect to the (masked) covariance matrix C, which
        # depends on h through h_c^T h_c, hence g_h = h_c (G + G^T) / n.
        if self.reduce == 'half_squared_sum':
            cov = matmul.matmul(h_c, h_c, transa=True) * off / n
            g_cov = broadcast.broadcast_to(gcost, cov.shape) * cov
        else:
            g_cov = gcost * off
        return matmul.matmul(h_c, g_cov + g_cov.T) / n,


def decov(h, reduce='half_squared_sum'):
    """Computes the DeCov loss of ``h``.

    With the covariance matrix :math:`C` of the hidden units over the
    minibatch, the loss is :math:`\\frac{1}{2}(\\|C\\|_F^2 -
    \\|\\mathrm{diag}(C)\\|_2^2)`, which discourages correlated units.

    Args:
        h (:class:`~chainer.Variable` or :ref:`ndarray`): Hidden activations
            of shape ``(N, M)``.
        reduce (str): ``'half_squared_sum'`` (the loss) or ``'no'`` (the
            ``(M, M)`` covariance with a zero diagonal).

    Returns:
        ~chainer.Variable: The loss or the masked covariance matrix.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> h = np.array([[1., 1.], [-1., -1.]], np.float32)
        >>> F.decov(h).array
        array(1., dtype=float32)
    """
    return DeCov(reduce).apply((h,))[0]
