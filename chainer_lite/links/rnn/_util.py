"""Helpers shared by the LSTM-like links."""
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import split_axis


def _split_gates(lstm_in, state_size):
    # The 4 * state_size pre-activations interleave the gates per unit
    # (a, i, f, o for unit 0, then unit 1, ...); returns the four
    # (batch, state_size) gate inputs a, i, f, o.
    batch = len(lstm_in)
    lstm_in = reshape.reshape(lstm_in, (batch, lstm_in.shape[1] // 4, 4))
    return [reshape.reshape(gate, (batch, state_size))
            for gate in split_axis.split_axis(lstm_in, 4, 2)]
