"""L.NStepLSTM and L.NStepBiLSTM: multi-layer LSTMs on sequences."""
from chainer_lite.functions.rnn import n_step_lstm as rnn
from chainer_lite.links.rnn import n_step_rnn


class NStepLSTMBase(n_step_rnn.NStepRNNBase):
    """Base of the N-step LSTM links (8 weight matrices per layer).

    Args:
        n_layers (int): Number of layers.
        in_size (int): Input dimension.
        out_size (int): Hidden state dimension.
        dropout (float): Dropout ratio between layers.
        initialW: Initializer of the weights.
        initial_bias: Initializer of the biases.
    """

    n_weights = 8
    # Hidden and cell state.
    n_cells = property(lambda self: 2)

    def forward(self, hx, cx, xs, **kwargs):
        """Runs the LSTM over a batch of sequences.

        Args:
            hx (~chainer.Variable): Initial hidden states
                ``(n_layers * direction, batch, out_size)`` or ``None``.
            cx (~chainer.Variable): Initial cell states, same shape, or
                ``None``.
            xs (list of ~chainer.Variable): Sequences ``(length_i, in_size)``.

        Returns:
            tuple: Final hidden states ``hy``, final cell states ``cy`` and
            the list of output sequences ``ys``.
        """
        (hy, cy), ys = self._call([hx, cx], xs, **kwargs)
        return hy, cy, ys


class NStepLSTM(NStepLSTMBase):
    """Stacked unidirectional LSTM over variable-length sequences.

    .. seealso:: :func:`~chainer.functions.n_step_lstm`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.NStepLSTM(1, 3, 4, 0.0)
        >>> xs = [np.ones((5, 3), np.float32), np.ones((2, 3), np.float32)]
        >>> hy, cy, ys = lstm(None, None, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((1, 2, 4), [(5, 4), (2, 4)])
    """

    use_bi_direction = False

    rnn = n_step_rnn._caller(rnn.n_step_lstm)


class NStepBiLSTM(NStepLSTMBase):
    """Stacked bidirectional LSTM; outputs have ``2 * out_size`` features.

    .. seealso:: :func:`~chainer.functions.n_step_bilstm`
    """

    use_bi_direction = True

    rnn = n_step_rnn._caller(rnn.n_step_bilstm)
