"""Cross-covariance penalty between two sets of features."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import average
from chainer_lite.functions.math import matmul
from chainer_lite import utils
from chainer_lite.utils import type_check
from chainer_lite import variable


def _centered(v):
    # Subtracts the mean over the batch (axis 0); arrays or Variables.
    if isinstance(v, variable.Variable):
        mean = average.average(v, axis=0, keepdims=True)
        return v - broadcast.broadcast_to(mean, v.shape)
    return v - v.mean(axis=0, keepdims=True)


class CrossCovariance(function_node.FunctionNode):

    """Cross-covariance loss."""

    def __init__(self, reduce='half_squared_sum'):
        if reduce not in ('half_squared_sum', 'no'):
            raise ValueError(
                "Only 'half_squared_sum' and 'no' are valid "
                "for 'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    @type_check._inputs_only
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
        xp = backend.get_array_module(y)
        cov = xp.matmul(_centered(y).T, _centered(z)) / y.dtype.type(len(y))
        if self.reduce == 'no':
            return cov,
        return utils.force_array(
            y.dtype.type(0.5) * xp.square(cov).sum(), y.dtype),

    def backward(self, indexes, grad_outputs):
        y, z = self.get_retained_inputs()
        gcost, = grad_outputs
        n = len(y)
        y_c, z_c = _centered(y), _centered(z)
        # Gradient with respect to the covariance matrix C; the penalty
        # C^2 / 2 passes on gcost * C. The centring of y and z drops out
        # since the centred columns sum to zero.
        if self.reduce == 'half_squared_sum':
            cov = matmul.matmul(y_c, z_c, transa=True) / n
            g_cov = broadcast.broadcast_to(gcost, cov.shape) * cov
        else:
            g_cov = gcost
        g_cov = g_cov / n
        return [matmul.matmul(z_c, g_cov, transb=True) if i == 0
                else matmul.matmul(y_c, g_cov) for i in indexes]


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
    node = CrossCovariance(reduce=reduce)
    return node.apply((y, z))[0]
