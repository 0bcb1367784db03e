"""S-LSTM unit: an LSTM cell merging two child cells (tree-structured)."""
from chainer_lite import backend
from chainer_lite import function
from chainer_lite import function_node
from chainer_lite.functions.rnn.lstm import _extract_gates
from chainer_lite.functions.rnn.lstm import _sigmoid
from chainer_lite.utils import type_check


_INPUT_NAMES = ('c_prev1', 'c_prev2', 'x1', 'x2')


def _activations(x, xp):
    # tanh(a), sigmoid(i), sigmoid(f) and the raw o of one gate array.
    a, i, f, o = _extract_gates(x)
    return xp.tanh(a), _sigmoid(i, xp), _sigmoid(f, xp), o


class SLSTM(function_node.FunctionNode):

    """S-LSTM unit: ``(c_prev1, c_prev2, x1, x2) -> (c, h)``."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, _INPUT_NAMES)
        c1_type, c2_type, x1_type, x2_type = in_types
        type_check.expect(
            c1_type.dtype.kind == 'f',
            c2_type.dtype == c1_type.dtype,
            x1_type.dtype == c1_type.dtype,
            x2_type.dtype == c1_type.dtype,
            c1_type.ndim >= 2,
            c2_type.ndim >= 2,
            x1_type.ndim >= 2,
            x2_type.ndim >= 2,
            c1_type.ndim == x1_type.ndim,
            c1_type.ndim == c2_type.ndim,
            c1_type.ndim == x2_type.ndim,
            c1_type.shape[0] == x1_type.shape[0],
            c1_type.shape[0] == c2_type.shape[0],
            c1_type.shape[0] == x2_type.shape[0],
            x1_type.shape[1] == 4 * c1_type.shape[1],
            x2_type.shape[1] == 4 * c2_type.shape[1],
        )
        # Trailing axes must agree across all four inputs.
        for axis in range(2, type_check.eval(c1_type.ndim)):
            type_check.expect(
                x1_type.shape[axis] == c1_type.shape[axis],
                x2_type.shape[axis] == c2_type.shape[axis],
                x1_type.shape[axis] == x2_type.shape[axis])

    def forward(self, inputs):
        self.retain_inputs((0, 1, 2, 3))
        self.retain_outputs((0,))
        c_prev1, c_prev2, x1, x2 = inputs
        xp = backend.get_array_module(x1)
        a1, i1, f1, o1 = _activations(x1, xp)
        a2, i2, f2, o2 = _activations(x2, xp)
        c = a1 * i1 + a2 * i2 + f1 * c_prev1 + f2 * c_prev2
        h = _sigmoid(o1 + o2, xp) * xp.tanh(c)
        return c, h

    def backward(self, indexes, grad_outputs):
        grad_inputs = (self.get_retained_inputs()
                       + self.get_retained_outputs() + grad_outputs)
        return SLSTMGrad()(*grad_inputs)


class SLSTMGrad(function.Function):

    """Gradient of :class:`SLSTM`: ``(c_prev1, c_prev2, x1, x2, c, gc, gh)
    -> (gc_prev1, gc_prev2, gx1, gx2)``; its backward gives the second
    derivatives."""

    def forward(self, inputs):
        c_prev1, c_prev2, x1, x2, c, gc, gh = inputs
        xp = backend.get_array_module(x1)
        gc = 0 if gc is None else gc
        gh = 0 if gh is None else gh
        sig_o = _sigmoid(_extract_gates(x1)[3] + _extract_gates(x2)[3], xp)
        co = xp.tanh(c)
        gc_bar = gh * sig_o * (1 - co * co) + gc
        go = gh * co * sig_o * (1 - sig_o)
        ret_c = []
        ret_x = []
        for c_prev, x in ((c_prev1, x1), (c_prev2, x2)):
            tanh_a, sig_i, sig_f, _ = _activations(x, xp)
            gx = xp.empty_like(x)
            ga, gi, gf, go_ = _extract_gates(gx)
            ga[:] = gc_bar * sig_i * (1 - tanh_a * tanh_a)
            gi[:] = gc_bar * tanh_a * sig_i * (1 - sig_i)
            gf[:] = gc_bar * c_prev * sig_f * (1 - sig_f)
            go_[:] = go
            ret_c.append(gc_bar * sig_f)
            ret_x.append(gx)
        return ret_c[0], ret_c[1], ret_x[0], ret_x[1]

    def backward(self, inputs, grad_outputs):
        c_prev1, c_prev2, x1, x2, c, gc, gh = inputs
        ggc_prev1, ggc_prev2, ggx1, ggx2 = grad_outputs
        xp = backend.get_array_module(x1)
        zero = x1.dtype.type(0)
        gc_ = zero if gc is None else gc
        gh_ = zero if gh is None else gh

        sig_o = _sigmoid(_extract_gates(x1)[3] + _extract_gates(x2)[3], xp)
        d_o = sig_o * (1 - sig_o)
        dd_o = d_o * (1 - 2 * sig_o)
        tanh_c = xp.tanh(c)
        d_c = 1 - tanh_c * tanh_c
        dd_c = -2 * tanh_c * d_c
        gc_bar = gh_ * sig_o * d_c + gc_

        branches = []
        g_bar = 0
        ggo = 0
        for c_prev, x, ggc_prev, ggx in ((c_prev1, x1, ggc_prev1, ggx1),
                                         (c_prev2, x2, ggc_prev2, ggx2)):
            tanh_a, sig_i, sig_f, _ = _activations(x, xp)
            ggc_prev = zero if ggc_prev is None else ggc_prev
            if ggx is None:
                gga = ggi = ggf = ggo_ = zero
            else:
                gga, ggi, ggf, ggo_ = _extract_gates(ggx)
            d_a = 1 - tanh_a * tanh_a
            d_i = sig_i * (1 - sig_i)
            d_f = sig_f * (1 - sig_f)
            # The contraction's gradient with respect to gc_bar, summed
            # over both branches (it is also the gradient wrt gc).
            g_bar = g_bar + (ggc_prev * sig_f + gga * sig_i * d_a
                             + ggi * tanh_a * d_i + ggf * c_prev * d_f)
            ggo = ggo + ggo_
            branches.append((c_prev, x, ggc_prev, gga, ggi, ggf, tanh_a,
                             sig_i, sig_f, d_a, d_i, d_f))

        go = g_bar * gh_ * d_o * d_c + ggo * gh_ * tanh_c * dd_o
        gc_prevs = []
        gxs = []
        for (c_prev, x, ggc_prev, gga, ggi, ggf, tanh_a, sig_i, sig_f,
             d_a, d_i, d_f) in branches:
            gx = xp.empty_like(x)
            ga, gi, gf, go_ = _extract_gates(gx)
            ga[:] = (gga * sig_i * (-2 * tanh_a * d_a)
                     + ggi * d_a * d_i) * gc_bar
            gi[:] = (gga * d_a * d_i
                     + ggi * tanh_a * d_i * (1 - 2 * sig_i)) * gc_bar
            gf[:] = (ggc_prev * d_f
                     + ggf * c_prev * d_f * (1 - 2 * sig_f)) * gc_bar
            go_[:] = go
            gc_prevs.append(ggf * gc_bar * d_f)
            gxs.append(gx)
        gc_next = g_bar * gh_ * sig_o * dd_c + ggo * gh_ * d_c * d_o
        # g_bar is a scalar zero when no gradient came in at all.
        ggc = None if gc is None else g_bar + xp.zeros_like(c)
        ggh = (None if gh is None
               else g_bar * sig_o * d_c + ggo * tanh_c * d_o)
        return gc_prevs[0], gc_prevs[1], gxs[0], gxs[1], gc_next, ggc, ggh


def slstm(c_prev1, c_prev2, x1, x2):
    """One step of S-LSTM units, merging two child cells.

    An S-LSTM unit combines the cell states of two children. Each of
    ``x1`` and ``x2`` holds the interleaved pre-activations of the cell
    input :math:`a`, input gate :math:`i`, forget gate :math:`f` and output
    gate :math:`o` (as in :func:`~chainer.functions.lstm`), and

    .. math::
        c &= \\tanh(a_1)\\sigma(i_1) + \\tanh(a_2)\\sigma(i_2)
            + \\sigma(f_1) c_1 + \\sigma(f_2) c_2, \\\\
        h &= \\sigma(o_1 + o_2) \\tanh(c).

    Args:
        c_prev1 (:class:`~chainer.Variable` or :ref:`ndarray`): Cell state
            of the first child.
        c_prev2 (:class:`~chainer.Variable` or :ref:`ndarray`): Cell state
            of the second child.
        x1 (:class:`~chainer.Variable` or :ref:`ndarray`): Gate inputs from
            the first child, with four times the channels of ``c_prev1``.
        x2 (:class:`~chainer.Variable` or :ref:`ndarray`): Gate inputs from
            the second child.

    Returns:
        tuple: The new cell state ``c`` and the output ``h``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> c1 = c2 = np.zeros((1, 2), np.float32)
        >>> x1 = x2 = np.zeros((1, 8), np.float32)
        >>> c, h = F.slstm(c1, c2, x1, x2)
        >>> c.shape, h.shape
        ((1, 2), (1, 2))

    See: `Long Short-Term Memory Over Recursive Structures
    <http://proceedings.mlr.press/v37/zhub15.html>`_
    """
    return SLSTM().apply((c_prev1, c_prev2, x1, x2))
