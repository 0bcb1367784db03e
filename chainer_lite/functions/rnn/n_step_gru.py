"""Multi-layer GRUs over variable-length sequences."""
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.rnn import n_step_rnn


def _gru_cell(x, h, c, w, b):
    # w[0..2] read x and w[3..5] read h: reset gate, update gate, candidate.
    x_reset, x_update, x_cand = n_step_rnn._gate_inputs(x, w[:3], b[:3])
    h_reset, h_update, h_cand = n_step_rnn._gate_inputs(h, w[3:], b[3:])
    update = sigmoid.sigmoid(x_update + h_update)
    cand = tanh.tanh(x_cand + sigmoid.sigmoid(x_reset + h_reset) * h_cand)
    # (1 - z) * cand + z * h
    return cand + update * (h - cand), None


def n_step_gru(n_layers, dropout_ratio, hx, ws, bs, xs, **kwargs):
    """Stacked uni-directional GRU function for sequence inputs.

    At each time step and layer:

    .. math::
        r_t &= \\sigma(W_0 x_t + b_0 + W_3 h_{t-1} + b_3) \\\\
        z_t &= \\sigma(W_1 x_t + b_1 + W_4 h_{t-1} + b_4) \\\\
        \\bar{h}_t &= \\tanh(W_2 x_t + b_2 + r_t \\odot (W_5 h_{t-1} +
            b_5)) \\\\
        h_t &= (1 - z_t) \\odot \\bar{h}_t + z_t \\odot h_{t-1}

    Args:
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio between layers.
        hx (:class:`~chainer.Variable`): Initial hidden states, of shape
            ``(n_layers, B, N)``.
        ws (list of list of :class:`~chainer.Variable`): ``ws[i]`` holds the
            six weights of layer ``i``: ``W_0 .. W_2`` of shape ``(N, I)``
            (``(N, N)`` above the first layer) and ``W_3 .. W_5`` of shape
            ``(N, N)``.
        bs (list of list of :class:`~chainer.Variable`): ``bs[i]`` holds the
            six biases of layer ``i``, each of shape ``(N,)``.
        xs (list of :class:`~chainer.Variable`): The inputs of the time
            steps, ``(B_t, I)`` with non-increasing ``B_t``.

    Returns:
        tuple: ``(hy, ys)``: the last hidden states of each layer and the
        outputs of the last layer at each time step.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> hx = np.zeros((1, 2, 3), np.float32)
        >>> ws = [[np.ones((3, 4), np.float32)] * 3
        ...       + [np.ones((3, 3), np.float32)] * 3]
        >>> bs = [[np.zeros(3, np.float32)] * 6]
        >>> xs = [np.zeros((2, 4), np.float32), np.zeros((1, 4), np.float32)]
        >>> hy, ys = F.n_step_gru(1, 0.0, hx, ws, bs, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((1, 2, 3), [(2, 3), (1, 3)])
    """
    return n_step_gru_base(
        n_layers, dropout_ratio, hx, ws, bs, xs, False, **kwargs)


def n_step_bigru(n_layers, dropout_ratio, hx, ws, bs, xs, **kwargs):
    """Stacked bi-directional GRU function for sequence inputs.

    Like :func:`n_step_gru`, but each layer runs one GRU forward in time
    and one backward and passes the concatenation of their outputs on.

    Args:
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio between layers.
        hx (:class:`~chainer.Variable`): Initial hidden states, of shape
            ``(2 * n_layers, B, N)``.
        ws (list of list of :class:`~chainer.Variable`): Weights of the
            ``2 * n_layers`` directional layers; ``W_0 .. W_2`` above the
            first layer are ``(N, 2 N)``.
        bs (list of list of :class:`~chainer.Variable`): Their biases.
        xs (list of :class:`~chainer.Variable`): The inputs of the time
            steps.

    Returns:
        tuple: ``(hy, ys)``; each ``ys[t]`` has shape ``(B_t, 2 N)``.
    """
    return n_step_gru_base(
        n_layers, dropout_ratio, hx, ws, bs, xs, True, **kwargs)


def n_step_gru_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                    use_bi_direction, **kwargs):
    """Base function of the stacked (bi-directional) GRUs.

    See :func:`n_step_gru` and :func:`n_step_bigru`.

    Args:
        use_bi_direction (bool): Use a bi-directional GRU.

    Returns:
        tuple: ``(hy, ys)``.
    """
    n_step_rnn._check_kwargs(kwargs)
    hy, _, ys = n_step_rnn.n_step_rnn_impl(
        _gru_cell, n_layers, dropout_ratio, hx, None, ws, bs, xs,
        use_bi_direction)
    return hy, ys
