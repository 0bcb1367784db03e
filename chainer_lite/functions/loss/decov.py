"""DeCov loss: penalizes the covariance between hidden units."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import average
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
        h_centered = h - h.mean(axis=0, keepdims=True)
        covariance = h_centered.T.dot(h_centered)
        xp.fill_diagonal(covariance, 0.0)
        covariance /= len(h)
        if self.reduce == 'no':
            return covariance,
        cost = xp.vdot(covariance, covariance) * h.dtype.type(0.5)
        return utils.force_array(cost, h.dtype),

    def backward(self, indexes, grad_outputs):
        h, = self.get_retained_inputs()
        gcost, = grad_outputs
        xp = backend.get_array_module(h)
        n, m = h.shape
        h_centered = h - broadcast.broadcast_to(
            average.average(h, axis=0, keepdims=True), h.shape)
        mask = _off_diagonal(xp, m, h.dtype)
        gcost_div_n = gcost / gcost.dtype.type(n)
        if self.reduce == 'half_squared_sum':
            covariance = matmul.matmul(h_centered.T, h_centered) * mask / n
            gh = 2.0 * matmul.matmul(h_centered, covariance)
            return gh * broadcast.broadcast_to(gcost_div_n, gh.shape),
        g = gcost_div_n * mask
        return matmul.matmul(h_centered, g + g.T),


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
