"""Long short-term memory unit (with forget gate) as a function."""
from chainer_lite import backend
from chainer_lite import function
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _extract_gates(x):
    # The four gate pre-activations are interleaved along axis 1:
    # x[:, 4 * k + g] is gate g (a, i, f, o) of unit k.
    n_units = x.shape[1] // 4
    units_by_gate = x.reshape(x.shape[:1] + (n_units, 4) + x.shape[2:])
    return [units_by_gate[:, :, g] for g in range(4)]


def _sigmoid(x, xp):
    # The tanh form does not overflow.
    half = x.dtype.type(0.5)
    return xp.tanh(x * half) * half + half


class LSTM(function_node.FunctionNode):

    """One LSTM step (with forget gate) on packed gate inputs.

    Inputs are ``(c_prev, x)`` and outputs ``(c, h)``; ``x`` has four times
    the channels of ``c_prev`` and may have fewer rows (shorter sequences
    sorted last), in which case the remaining rows of ``c`` are copied.
    """

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('c', 'x'))
        c_type, x_type = in_types
        type_check.expect(
            c_type.dtype.kind == 'f',
            x_type.dtype == c_type.dtype,
            c_type.ndim >= 2,
            x_type.ndim >= 2,
            c_type.ndim == x_type.ndim,
            x_type.shape[0] <= c_type.shape[0],
            x_type.shape[1] == 4 * c_type.shape[1],
        )
        for axis in range(2, type_check.eval(c_type.ndim)):
            type_check.expect(x_type.shape[axis] == c_type.shape[axis])

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        self.retain_outputs((0,))
        c_prev, x = inputs
        xp = backend.get_array_module(x)
        a, i, f, o = _extract_gates(x)
        batch = len(x)
        c_next = c_prev.copy()
        c_next[:batch] = (xp.tanh(a) * _sigmoid(i, xp)
                          + _sigmoid(f, xp) * c_prev[:batch])
        h = _sigmoid(o, xp) * xp.tanh(c_next[:batch])
        return c_next, h

    def backward(self, indexes, grad_outputs):
        grad_inputs = (self.get_retained_inputs()
                       + self.get_retained_outputs() + grad_outputs)
        return LSTMGrad()(*grad_inputs)


class LSTMGrad(function.Function):

    """Gradient of :class:`LSTM`:
    ``(c_prev, x, c, gc, gh) -> (gc_prev, gx)``.

    ``gc`` or ``gh`` may be ``None`` (no gradient). Its own backward gives
    the second derivatives of the LSTM.
    """

    def forward(self, inputs):
        c_prev, x, c_next, gc, gh = inputs
        xp = backend.get_array_module(x)
        batch = len(x)
        if gc is None:
            gc_update = 0
            gc_rest = 0
        else:
            gc_update = gc[:batch]
            gc_rest = gc[batch:]
        if gh is None:
            gh = 0

        a, i, f, o = _extract_gates(x)
        tanh_a = xp.tanh(a)
        sig_i = _sigmoid(i, xp)
        sig_f = _sigmoid(f, xp)
        sig_o = _sigmoid(o, xp)
        co = xp.tanh(c_next[:batch])

        gx = xp.empty_like(x)
        ga, gi, gf, go = _extract_gates(gx)
        # Gradient reaching the new cell state, from both c and h.
        gc_bar = gh * sig_o * (1 - co * co) + gc_update
        ga[:] = gc_bar * sig_i * (1 - tanh_a * tanh_a)
        gi[:] = gc_bar * tanh_a * sig_i * (1 - sig_i)
        gf[:] = gc_bar * c_prev[:batch] * sig_f * (1 - sig_f)
        go[:] = gh * co * sig_o * (1 - sig_o)
        gc_prev = xp.empty_like(c_prev)
        gc_prev[:batch] = gc_bar * sig_f
        gc_prev[batch:] = gc_rest
        return gc_prev, gx

    def backward(self, inputs, grad_outputs):
        c_prev, x, c, gc, gh = inputs
        ggc_prev, ggx = grad_outputs
        xp = backend.get_array_module(x)
        batch = len(x)

        gc_prev = xp.zeros_like(c_prev)
        gx = xp.empty_like(x)
        gc_next = xp.zeros_like(c)
        ggc = xp.zeros_like(c_prev)
        ggh = xp.zeros_like(c[:batch])
        # Rows past the batch only copy gc into gc_prev.
        if ggc_prev is not None:
            ggc[batch:] = ggc_prev[batch:]

        zero = x.dtype.type(0)
        gc_b = zero if gc is None else gc[:batch]
        gh_b = zero if gh is None else gh
        ggc_prev_b = zero if ggc_prev is None else ggc_prev[:batch]
        if ggx is None:
            gga = ggi = ggf = ggo = zero
        else:
            gga, ggi, ggf, ggo = _extract_gates(ggx)
        c_prev = c_prev[:batch]
        c = c[:batch]

        a, i, f, o = _extract_gates(x)
        # First and second derivatives of each activation, by its output.
        tanh_a = xp.tanh(a)
        d_a = 1 - tanh_a * tanh_a
        dd_a = -2 * tanh_a * d_a
        sig_i = _sigmoid(i, xp)
        d_i = sig_i * (1 - sig_i)
        dd_i = d_i * (1 - 2 * sig_i)
        sig_f = _sigmoid(f, xp)
        d_f = sig_f * (1 - sig_f)
        dd_f = d_f * (1 - 2 * sig_f)
        sig_o = _sigmoid(o, xp)
        d_o = sig_o * (1 - sig_o)
        dd_o = d_o * (1 - 2 * sig_o)
        tanh_c = xp.tanh(c)
        d_c = 1 - tanh_c * tanh_c
        dd_c = -2 * tanh_c * d_c

        gc_bar = gh_b * sig_o * d_c + gc_b
        # Gradient of the contraction with respect to gc_bar; it is also
        # the gradient with respect to gc.
        g_bar = (ggc_prev_b * sig_f + gga * sig_i * d_a
                 + ggi * tanh_a * d_i + ggf * c_prev * d_f)
        ga, gi, gf, go = _extract_gates(gx)
        gc_prev[:batch] = ggf * gc_bar * d_f
        ga[:] = (gga * sig_i * dd_a + ggi * d_a * d_i) * gc_bar
        gi[:] = (gga * d_a * d_i + ggi * tanh_a * dd_i) * gc_bar
        gf[:] = (ggc_prev_b * d_f + ggf * c_prev * dd_f) * gc_bar
        go[:] = g_bar * gh_b * d_o * d_c + ggo * gh_b * tanh_c * dd_o
        gc_next[:batch] = g_bar * gh_b * sig_o * dd_c + ggo * gh_b * d_c * d_o
        ggc[:batch] = g_bar
        ggh[:] = g_bar * sig_o * d_c + ggo * tanh_c * d_o
        return (gc_prev, gx, gc_next,
                None if gc is None else ggc,
                None if gh is None else ggh)


def lstm(c_prev, x):
    """One step of LSTM units, applied to precomputed gate inputs.

    ``x`` holds the pre-activations of the cell input :math:`a`, the input
    gate :math:`i`, the forget gate :math:`f` and the output gate
    :math:`o`, interleaved along axis 1 (``x[:, 4k:4k+4]`` are the four of
    unit ``k``), so ``x.shape[1] == 4 * c_prev.shape[1]``. The function
    computes

    .. math::
        c = \\tanh(a) \\sigma(i) + c_{\\text{prev}} \\sigma(f), \\qquad
        h = \\tanh(c) \\sigma(o).

    ``x`` may have fewer rows than ``c_prev`` (sequences sorted by
    decreasing length): then only ``c[:len(x)]`` is updated and the other
    rows of ``c`` equal those of ``c_prev``; ``h`` has ``len(x)`` rows.

    Args:
        c_prev (:class:`~chainer.Variable` or :ref:`ndarray`): Previous cell
            state.
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Gate
            pre-activations, of ``c_prev``'s dtype.

    Returns:
        tuple: The new cell state ``c`` and the output ``h``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> c = np.zeros((1, 2), np.float32)
        >>> x = np.zeros((1, 8), np.float32)
        >>> c, h = F.lstm(c, x)
        >>> c.shape, h.shape
        ((1, 2), (1, 2))
    """
    return LSTM().apply((c_prev, x))
