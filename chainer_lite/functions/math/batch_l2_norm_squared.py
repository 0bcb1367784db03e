"""Squared L2 norm of each example of a batch."""
from chainer_lite import function_node
from chainer_lite.utils import type_check


class BatchL2NormSquared(function_node.FunctionNode):

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim >= 2,
        )

    def forward(self, inputs):
        self.retain_inputs((0,))
        x = inputs[0].reshape(len(inputs[0]), -1)
        return (x * x).sum(axis=1),

    def backward(self, indexes, grad_outputs):
        from chainer_lite.functions.array import broadcast
        x, = self.get_retained_inputs()
        gy = grad_outputs[0].reshape((-1,) + (1,) * (x.ndim - 1))
        return 2 * x * broadcast.broadcast_to(gy, x.shape),


def batch_l2_norm_squared(x):
    """Squared L2 (Euclidean) norm of each example, without batch reduction.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): A float array of
            at least two dimensions; the first is the minibatch, the others
            are flattened into one vector per example.

    Returns:
        ~chainer.Variable: A 1-D variable of one squared norm per example.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.batch_l2_norm_squared(np.array([[3.0, 4.0], [1.0, 0.0]])).array
        array([25.,  1.])
    """
    return BatchL2NormSquared().apply((x,))[0]
