"""Multi-layer LSTMs over variable-length sequences."""
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.rnn import n_step_rnn


def _lstm_cell(x, h, c, w, b):
    # w[0..3] read x and w[4..7] read h; gates in the order input, forget,
    # cell candidate, output.
    pre = [from_x + from_h for from_x, from_h in zip(
        n_step_rnn._gate_inputs(x, w[:4], b[:4]),
        n_step_rnn._gate_inputs(h, w[4:], b[4:]))]
    keep = sigmoid.sigmoid(pre[1])
    write = sigmoid.sigmoid(pre[0])
    c_new = keep * c + write * tanh.tanh(pre[2])
    return sigmoid.sigmoid(pre[3]) * tanh.tanh(c_new), c_new


def n_step_lstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs, **kwargs):
    """Stacked uni-directional LSTM function for sequence inputs.

    At each time step and layer, with :math:`x_t` the input and
    :math:`h_{t-1}, c_{t-1}` the previous states:

    .. math::
        i_t &= \\sigma(W_0 x_t + b_0 + W_4 h_{t-1} + b_4) \\\\
        f_t &= \\sigma(W_1 x_t + b_1 + W_5 h_{t-1} + b_5) \\\\
        a_t &= \\tanh(W_2 x_t + b_2 + W_6 h_{t-1} + b_6) \\\\
        o_t &= \\sigma(W_3 x_t + b_3 + W_7 h_{t-1} + b_7) \\\\
        c_t &= f_t c_{t-1} + i_t a_t \\\\
        h_t &= o_t \\tanh(c_t)

    The input of layer :math:`k > 0` is the output of layer :math:`k - 1`,
    passed through dropout.

    Args:
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio between layers.
        hx (:class:`~chainer.Variable`): Initial hidden states, of shape
            ``(n_layers, B, N)``.
        cx (:class:`~chainer.Variable`): Initial cell states, of the same
            shape.
        ws (list of list of :class:`~chainer.Variable`): ``ws[i]`` holds the
            eight weights of layer ``i``: ``W_0 .. W_3`` of shape ``(N, I)``
            (``(N, N)`` above the first layer) and ``W_4 .. W_7`` of shape
            ``(N, N)``.
        bs (list of list of :class:`~chainer.Variable`): ``bs[i]`` holds the
            eight biases of layer ``i``, each of shape ``(N,)``.
        xs (list of :class:`~chainer.Variable`): The inputs of the time
            steps, ``(B_t, I)`` with non-increasing ``B_t``.

    Returns:
        tuple: ``(hy, cy, ys)``: the last hidden and cell states of each
        layer and the outputs of the last layer at each time step.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> hx = cx = np.zeros((1, 2, 3), np.float32)
        >>> ws = [[np.ones((3, 4), np.float32)] * 4
        ...       + [np.ones((3, 3), np.float32)] * 4]
        >>> bs = [[np.zeros(3, np.float32)] * 8]
        >>> xs = [np.zeros((2, 4), np.float32), np.zeros((1, 4), np.float32)]
        >>> hy, cy, ys = F.n_step_lstm(1, 0.0, hx, cx, ws, bs, xs)
        >>> hy.shape, cy.shape, [y.shape for y in ys]
        ((1, 2, 3), (1, 2, 3), [(2, 3), (1, 3)])
    """
    return n_step_lstm_base(
        n_layers, dropout_ratio, hx, cx, ws, bs, xs, False, **kwargs)


def n_step_bilstm(n_layers, dropout_ratio, hx, cx, ws, bs, xs, **kwargs):
    """Stacked bi-directional LSTM function for sequence inputs.

    Like :func:`n_step_lstm`, but each layer runs one LSTM forward in time
    and one backward and passes the concatenation of their outputs on.

    Args:
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio between layers.
        hx (:class:`~chainer.Variable`): Initial hidden states, of shape
            ``(2 * n_layers, B, N)`` (index ``2 k`` forward, ``2 k + 1``
            backward).
        cx (:class:`~chainer.Variable`): Initial cell states, likewise.
        ws (list of list of :class:`~chainer.Variable`): Weights of the
            ``2 * n_layers`` directional layers; ``W_0 .. W_3`` above the
            first layer are ``(N, 2 N)``.
        bs (list of list of :class:`~chainer.Variable`): Their biases.
        xs (list of :class:`~chainer.Variable`): The inputs of the time
            steps.

    Returns:
        tuple: ``(hy, cy, ys)``; each ``ys[t]`` has shape ``(B_t, 2 N)``.
    """
    return n_step_lstm_base(
        n_layers, dropout_ratio, hx, cx, ws, bs, xs, True, **kwargs)


def n_step_lstm_base(
        n_layers, dropout_ratio, hx, cx, ws, bs, xs, use_bi_direction,
        **kwargs):
    """Base function of the stacked (bi-directional) LSTMs.

    See :func:`n_step_lstm` and :func:`n_step_bilstm`.

    Args:
        use_bi_direction (bool): Use a bi-directional LSTM.

    Returns:
        tuple: ``(hy, cy, ys)``.
    """
    n_step_rnn._check_kwargs(kwargs)
    n_step_rnn._check_input_size(xs, ws)
    return n_step_rnn.n_step_rnn_impl(
        _lstm_cell, n_layers, dropout_ratio, hx, cx, ws, bs, xs,
        use_bi_direction)
