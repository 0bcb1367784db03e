"""Cross-covariance penalty between two sets of features."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import average
from chainer_lite.functions.math import matmul
from chainer_lite import utils
from chainer_lite.utils import type_check


class CrossCovariance(function_node.FunctionNode):

    """Cross-covariance loss."""

    def __init__(self, reduce='half_squared_sum'):
        if reduce not in ('half_squared_sum', 'no'):
            raise ValueError(
                "Only 'half_squared_sum' and 'no' are valid "
                "for 'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('y', 'z'))
        y_type, z_type = in_types
        type_check.expect(
            y_type.dtype.kind == 'f',
            y_type.dtype == z_type.dtype,
            y_type.ndim == 2,
            z_type.ndim == 2,
            y_type.shape[0] == z_type.shape[0]
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        y, z = inputs
        y_centered = y - y.mean(axis=0, keepdims=True)
        z_centered = z - z.mean(axis=0, keepdims=True)
        covariance = y_centered.T.dot(z_centered)
        covariance /= len(y)
        if self.reduce == 'no':
            return covariance,
        xp = backend.get_array_module(y)
        cost = xp.vdot(covariance, covariance) * y.dtype.type(0.5)
        return utils.force_array(cost, y.dtype),

    def backward(self, indexes, grad_outputs):
        y, z = self.get_retained_inputs()
        gcost, = grad_outputs
        n = len(y)
        y_centered = y - broadcast.broadcast_to(
            average.average(y, axis=0, keepdims=True), y.shape)
        z_centered = z - broadcast.broadcast_to(
            average.average(z, axis=0, keepdims=True), z.shape)
        gcost_div_n = gcost / gcost.dtype.type(n)
        # The centring terms drop out: the centred columns sum to zero.
        ret = []
        if self.reduce == 'half_squared_sum':
            covariance = matmul.matmul(y_centered.T, z_centered) / n
            if 0 in indexes:
                gy = matmul.matmul(z_centered, covariance.T)
                ret.append(gy * broadcast.broadcast_to(gcost_div_n, gy.shape))
            if 1 in indexes:
                gz = matmul.matmul(y_centered, covariance)
                ret.append(gz * broadcast.broadcast_to(gcost_div_n, gz.shape))
        else:
            if 0 in indexes:
                ret.append(matmul.matmul(z_centered, gcost_div_n.T))
            if 1 in indexes:
                ret.append(matmul.matmul(y_centered, gcost_div_n))
        return ret


def cross_covariance(y, z, reduce='half_squared_sum'):
    """Computes the sum-squared cross-covariance penalty between y and z.

    With the minibatch cross-covariance matrix :math:`C_{ij} =
    \\frac{1}{N}\\sum_n (y_{ni} - \\bar{y}_i)(z_{nj} - \\bar{z}_j)`, the
    penalty is :math:`\\frac{1}{2}\\sum_{ij} C_{ij}^2`.

    Args:
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Features of shape
            ``(N, M)``.
        z (:class:`~chainer.Variable` or :ref:`ndarray`): Features of shape
            ``(N, K)``.
        reduce (str): ``'half_squared_sum'`` (the penalty) or ``'no'`` (the
            ``(M, K)`` matrix :math:`C`).

    Returns:
        ~chainer.Variable: The penalty or the cross-covariance matrix.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> y = np.array([[1.], [-1.]], np.float32)
        >>> F.cross_covariance(y, y).array
        array(0.5, dtype=float32)
    """
    return CrossCovariance(reduce).apply((y, z))[0]
