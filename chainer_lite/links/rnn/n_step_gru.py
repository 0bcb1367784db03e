"""L.NStepGRU and L.NStepBiGRU: multi-layer GRUs on sequences."""
from chainer_lite.functions.rnn import n_step_gru as rnn
from chainer_lite.links.rnn import n_step_rnn


class NStepGRUBase(n_step_rnn.NStepRNNBase):
    """Base of the N-step GRU links (6 weight matrices per layer).

    Args:
        n_layers (int): Number of layers.
        in_size (int): Input dimension.
        out_size (int): Hidden state dimension.
        dropout (float): Dropout ratio between layers.
        initialW: Initializer of the weights.
        initial_bias: Initializer of the biases.
    """

    n_weights = 6
    n_cells = n_step_rnn._ONE_CELL


class NStepGRU(NStepGRUBase):
    """Stacked unidirectional GRU over variable-length sequences.

    .. seealso:: :func:`~chainer.functions.n_step_gru`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> gru = L.NStepGRU(2, 3, 4, 0.0)
        >>> hy, ys = gru(None, [np.ones((3, 3), np.float32)])
        >>> hy.shape, ys[0].shape
        ((2, 1, 4), (3, 4))
    """

    use_bi_direction = False

    rnn = n_step_rnn._caller(rnn.n_step_gru)


class NStepBiGRU(NStepGRUBase):
    """Stacked bidirectional GRU; outputs have ``2 * out_size`` features.

    .. seealso:: :func:`~chainer.functions.n_step_bigru`
    """

    use_bi_direction = True

    rnn = n_step_rnn._caller(rnn.n_step_bigru)
