"""L.NStepRNNTanh/ReLU and bidirectional variants: stacked RNNs."""
import numpy

from chainer_lite import backend
from chainer_lite.functions.array import permutate
from chainer_lite.functions.array import transpose_sequence
from chainer_lite.functions.rnn import n_step_rnn as rnn
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.utils import argument
from chainer_lite import variable


def argsort_list_descent(lst):
    """Returns the indices sorting sequences by decreasing length."""
    lengths = numpy.array([len(seq) for seq in lst])
    return numpy.argsort(-lengths).astype(numpy.int32)


def permutate_list(lst, indices, inv):
    """Reorders ``lst`` by ``indices`` (or undoes that with ``inv``)."""
    if not inv:
        return [lst[k] for k in indices]
    restored = [None] * len(lst)
    for item, k in zip(lst, indices):
        restored[k] = item
    return restored


def _weight_cell(in_sizes, out_size, W_init, b_init):
    # The parameters of one layer and direction: ``w<j>`` of shape
    # (out_size, in_sizes[j]) and ``b<j>``, created w0, b0, w1, b1, ... (the
    # order of random draws in Chainer).
    cell = link.Link()
    with cell.init_scope():
        for j, n_in in enumerate(in_sizes):
            setattr(cell, 'w%d' % j,
                    variable.Parameter(W_init, (out_size, n_in)))
            setattr(cell, 'b%d' % j, variable.Parameter(b_init, out_size))
    return cell


def _caller(function, **options):
    # The ``rnn`` method of a concrete link: the function with fixed options.
    def rnn(self, *args):
        return function(*args, **options)
    return rnn


# ``n_cells`` of the RNN and GRU links: one state array per step.
_ONE_CELL = property(lambda self: 1)


class NStepRNNBase(link.ChainList):
    """Base of the N-step RNN links (stacked, optionally bidirectional).

    Each layer and direction is a child link holding ``n_weights`` weight
    matrices ``w0, w1, ...`` and biases ``b0, b1, ...``; the first half of
    the weights read the layer input, the second half the hidden state.
    Subclasses set ``n_weights`` and ``use_bi_direction`` and implement
    :meth:`rnn` and :attr:`n_cells`.

    Args:
        n_layers (int): Number of layers.
        in_size (int): Input dimension.
        out_size (int): Hidden state dimension.
        dropout (float): Dropout ratio between layers.
        initialW: Initializer of the weights (LeCunNormal).
        initial_bias: Initializer of the biases (0).
    """

    def __init__(self, n_layers, in_size, out_size, dropout,
                 *, initialW=None, initial_bias=None, **kwargs):
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs,
                use_cudnn='use_cudnn argument is not supported anymore. '
                'Use chainer.using_config',
                use_bi_direction='use_bi_direction is not supported anymore',
                activation='activation is not supported anymore')
            argument.assert_kwargs_empty(kwargs)

        direction = 2 if self.use_bi_direction else 1
        W_init = initializers._get_initializer(initialW)
        b_init = initializers._get_initializer(
            0 if initial_bias is None else initial_bias)
        # The first half of the weights read the layer input (the sequence,
        # or both directions of the layer below), the second half read the
        # hidden state.
        n_input_side = self.n_weights // 2
        n_state_side = self.n_weights - n_input_side
        cells = []
        for layer in range(n_layers):
            n_in = in_size if layer == 0 else direction * out_size
            sizes = [n_in] * n_input_side + [out_size] * n_state_side
            cells.extend(_weight_cell(sizes, out_size, W_init, b_init)
                         for _ in range(direction))
        super(NStepRNNBase, self).__init__(*cells)

        self._collect_weights()
        self.n_layers = n_layers
        self.dropout = dropout
        self.out_size = out_size
        self.direction = direction

    def _collect_weights(self):
        # ws[k] and bs[k]: the weight and bias lists of child k, as the RNN
        # functions take them.
        names = range(self.n_weights)
        self.ws = [[getattr(cell, 'w%d' % j) for j in names] for cell in self]
        self.bs = [[getattr(cell, 'b%d' % j) for j in names] for cell in self]

    def copy(self, mode='share'):
        ret = super(NStepRNNBase, self).copy(mode)
        ret._collect_weights()
        return ret

    def init_hx(self, xs):
        """Returns a zero initial state for the batch of sequences ``xs``."""
        n_states = self.n_layers * self.direction
        with backend.using_device(self.device):
            zeros = self.xp.zeros(
                (n_states, len(xs), self.out_size), dtype=xs[0].dtype)
        return variable.Variable(zeros)

    def rnn(self, *args):
        """Calls the RNN function of the subclass."""
        raise NotImplementedError

    @property
    def n_cells(self):
        """Number of state arrays (1, or 2 for LSTMs)."""
        raise NotImplementedError

    def forward(self, hx, xs, **kwargs):
        """Runs the RNN over a batch of sequences.

        Args:
            hx (~chainer.Variable): Initial states, of shape
                ``(n_layers * direction, batch, out_size)``; ``None`` for
                zeros.
            xs (list of ~chainer.Variable): Sequences of shape
                ``(length_i, in_size)``, any order of lengths.

        Returns:
            tuple: The final states ``hy`` and the list of output sequences
            ``ys`` (each ``(length_i, direction * out_size)``).
        """
        (hy,), ys = self._call([hx], xs, **kwargs)
        return hy, ys

    def _call(self, hs, xs, **kwargs):
        # The RNN functions want sequences sorted by decreasing length and
        # transposed to time-major order; undo both on the results.
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs, train='train argument is not supported anymore. '
                'Use chainer.using_config')
            argument.assert_kwargs_empty(kwargs)

        assert isinstance(xs, (list, tuple))
        order = argsort_list_descent(xs)
        xs = permutate_list(xs, order, inv=False)
        states = [
            self.init_hx(xs) if h is None
            else permutate.permutate(h, order, axis=1, inv=False)
            for h in hs]
        time_major = transpose_sequence.transpose_sequence(xs)

        *finals, ys = self.rnn(self.n_layers, self.dropout, *states,
                               self.ws, self.bs, time_major)

        finals = [permutate.permutate(h, order, axis=1, inv=True)
                  for h in finals]
        ys = transpose_sequence.transpose_sequence(ys)
        return finals, permutate_list(ys, order, inv=True)


class NStepRNNTanh(NStepRNNBase):
    """Stacked unidirectional RNN with tanh: ``h' = tanh(W0 x + W1 h + b)``.

    Args:
        n_layers (int): Number of layers.
        in_size (int): Input dimension.
        out_size (int): Hidden state dimension.
        dropout (float): Dropout ratio between layers.
        initialW: Initializer of the weights.
        initial_bias: Initializer of the biases.

    .. seealso:: :func:`~chainer.functions.n_step_rnn`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> rnn = L.NStepRNNTanh(2, 3, 4, 0.0)
        >>> xs = [np.ones((5, 3), np.float32), np.ones((2, 3), np.float32)]
        >>> hy, ys = rnn(None, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((2, 2, 4), [(5, 4), (2, 4)])
    """

    n_weights = 2
    use_bi_direction = False

    rnn = _caller(rnn.n_step_rnn, activation='tanh')
    n_cells = _ONE_CELL


class NStepRNNReLU(NStepRNNBase):
    """Stacked unidirectional RNN with ReLU.

    The arguments are those of :class:`NStepRNNTanh`.
    """

    n_weights = 2
    use_bi_direction = False

    rnn = _caller(rnn.n_step_rnn, activation='relu')
    n_cells = _ONE_CELL


class NStepBiRNNTanh(NStepRNNBase):
    """Stacked bidirectional RNN with tanh.

    The arguments are those of :class:`NStepRNNTanh`; outputs have
    ``2 * out_size`` features.
    """

    n_weights = 2
    use_bi_direction = True

    rnn = _caller(rnn.n_step_birnn, activation='tanh')
    n_cells = _ONE_CELL


class NStepBiRNNReLU(NStepRNNBase):
    """Stacked bidirectional RNN with ReLU.

    The arguments are those of :class:`NStepRNNTanh`; outputs have
    ``2 * out_size`` features.
    """

    n_weights = 2
    use_bi_direction = True

    rnn = _caller(rnn.n_step_birnn, activation='relu')
    n_cells = _ONE_CELL
