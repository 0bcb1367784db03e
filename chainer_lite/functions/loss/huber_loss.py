"""Huber loss: quadratic near zero, linear for large errors."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import expand_dims
from chainer_lite.functions.math import clip
from chainer_lite import utils
from chainer_lite.utils import type_check


class HuberLoss(function_node.FunctionNode):

    """Huber loss of ``x - t``, optionally summed along axis 1."""

    def __init__(self, delta, reduce='sum_along_second_axis'):
        self.delta = delta
        if reduce not in ('sum_along_second_axis', 'no'):
            raise ValueError(
                "Only 'sum_along_second_axis' and 'no' are valid "
                "for 'reduce', but '%s' is given" % reduce)
        self.reduce = reduce

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        type_check.expect(
            in_types[0].dtype.kind == 'f',
            in_types[0].dtype == in_types[1].dtype,
            in_types[0].shape == in_types[1].shape
        )

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        delta = x.dtype.type(self.delta)
        err = xp.abs(utils.force_array(x - t, x.dtype))
        half = x.dtype.type(0.5)
        # Quadratic inside [-delta, delta], linear (slope delta) outside.
        y = xp.where(err <= delta, half * err * err,
                     delta * (err - half * delta))
        y = utils.force_array(y, x.dtype)
        if self.reduce == 'sum_along_second_axis':
            y = y.sum(axis=1)
        return y,

    def backward(self, indexes, grad_outputs):
        x, t = self.get_retained_inputs()
        gy, = grad_outputs
        # The derivative of the loss by x - t is x - t clipped to delta.
        slope = clip.clip(x - t, -self.delta, self.delta)
        if self.reduce == 'sum_along_second_axis':
            gy = expand_dims.expand_dims(gy, 1)
        g = slope * broadcast.broadcast_to(gy, slope.shape)
        return g, -g


def huber_loss(x, t, delta, reduce='sum_along_second_axis'):
    """Computes the Huber loss.

    With :math:`a = x - t` elementwise,

    .. math::
        L_{\\delta}(a) = \\begin{cases}
        \\frac{1}{2} a^2 & |a| \\leq \\delta \\\\
        \\delta (|a| - \\frac{1}{2} \\delta) & \\text{otherwise.}
        \\end{cases}

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input, of shape
            ``(N, K, ...)`` when summing along axis 1.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Target of ``x``'s
            shape and dtype.
        delta (float): The threshold :math:`\\delta`.
        reduce (str): ``'sum_along_second_axis'`` sums the loss along axis
            1; ``'no'`` keeps the elementwise loss.

    Returns:
        ~chainer.Variable: The loss, of ``x``'s shape without axis 1 or of
        ``x``'s shape.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[0.5, 3.0]], np.float32)
        >>> F.huber_loss(x, np.zeros_like(x), delta=1.0, reduce='no').array
        array([[0.125, 2.5  ]], dtype=float32)
    """
    node = HuberLoss(delta, reduce=reduce)
    return node.apply((x, t))[0]
