"""Child-sum style tree LSTM unit with one forget gate per child."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import split_axis
from chainer_lite.utils import type_check


def _sigmoid(x, xp):
    half = x.dtype.type(0.5)
    return xp.tanh(x * half) * half + half


def _extract_gates(x, n_split):
    # Unlike F.lstm, the gates are contiguous blocks along axis 1.
    r = x.reshape((x.shape[0], n_split, x.shape[1] // n_split) + x.shape[2:])
    return [r[:, k] for k in range(n_split)]


class TreeLSTM(function_node.FunctionNode):

    """Tree LSTM unit: ``(c_1, ..., c_n, x) -> (c, h)``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() >= 2)
        c_types = in_types[:-1]
        x_type = in_types[-1]
        n_ary = len(c_types)
        type_check.expect(x_type.ndim >= 2)
        for c_type in c_types:
            type_check.expect(
                c_type.dtype.kind == 'f',
                x_type.dtype == c_type.dtype,
                c_type.ndim >= 2,
                c_type.ndim == x_type.ndim,
                x_type.shape[0] == c_type.shape[0],
                x_type.shape[1] == (3 + n_ary) * c_type.shape[1],
            )
            for axis in range(2, type_check.eval(c_type.ndim)):
                type_check.expect(x_type.shape[axis] == c_type.shape[axis])

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        cs, x = inputs[:-1], inputs[-1]
        xp = backend.get_array_module(x)
        gates = _extract_gates(x, 3 + len(cs))
        a, i, o = gates[:3]
        c = xp.tanh(a) * _sigmoid(i, xp)
        for f, c_child in zip(gates[3:], cs):
            c = c + _sigmoid(f, xp) * c_child
        h = _sigmoid(o, xp) * xp.tanh(c)
        return c, h

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        cs, x = inputs[:-1], inputs[-1]
        gc, gh = grad_outputs
        n_ary = len(cs)
        # Recomputed with differentiable functions, so that the gradient
        # can be differentiated again.
        gates = split_axis.split_axis(x, 3 + n_ary, axis=1)
        a = tanh.tanh(gates[0])
        i = sigmoid.sigmoid(gates[1])
        o = sigmoid.sigmoid(gates[2])
        fs = [sigmoid.sigmoid(f) for f in gates[3:]]
        c = a * i
        for f, c_child in zip(fs, cs):
            c = c + f * c_child
        co = tanh.tanh(c)

        # Gradient reaching c from both outputs (zero if neither has one).
        g = c * 0
        go = o * 0
        if gh is not None:
            g = gh * o * (1 - co * co)
            go = gh * co * o * (1 - o)
        if gc is not None:
            g = g + gc
        ga = g * i * (1 - a * a)
        gi = g * a * i * (1 - i)
        gfs = [g * c_child * f * (1 - f) for f, c_child in zip(fs, cs)]
        gcs = [g * f for f in fs]
        gx = concat.concat([ga, gi, go] + gfs, axis=1)
        return tuple(gcs) + (gx,)


def tree_lstm(*inputs):
    """One step of tree LSTM units with any number of children.

    With the cell states :math:`c_1, \\dots, c_N` of the children and the
    input ``x``, whose axis 1 holds the consecutive blocks
    :math:`a, i, o, f_1, \\dots, f_N` (each of the cell width):

    .. math::
        c &= \\tanh(a)\\sigma(i) + \\sum_k \\sigma(f_k) c_k, \\\\
        h &= \\sigma(o)\\tanh(c).

    Args:
        inputs: The children's cell states followed by ``x`` (variables or
            arrays); ``x.shape[1]`` is ``(3 + N)`` times the cell width.

    Returns:
        tuple: The new cell state ``c`` and the output ``h``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> c1 = c2 = np.zeros((1, 2), np.float32)
        >>> x = np.zeros((1, 10), np.float32)
        >>> c, h = F.tree_lstm(c1, c2, x)
        >>> c.shape, h.shape
        ((1, 2), (1, 2))

    See: `Improved Semantic Representations From Tree-Structured Long
    Short-Term Memory Networks <https://arxiv.org/abs/1503.00075>`_
    """
    return TreeLSTM().apply(inputs)
