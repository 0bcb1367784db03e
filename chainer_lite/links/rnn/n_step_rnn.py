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
    return numpy.argsort([-len(x) for x in lst]).astype(numpy.int32)


def permutate_list(lst, indices, inv):
    """Reorders ``lst`` by ``indices`` (or undoes that with ``inv``)."""
    ret = [None] * len(lst)
    if inv:
        for i, ind in enumerate(indices):
            ret[ind] = lst[i]
    else:
        for i, ind in enumerate(indices):
            ret[i] = lst[ind]
    return ret


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
        W_initializer = initializers._get_initializer(initialW)
        if initial_bias is None:
            initial_bias = 0
        bias_initializer = initializers._get_initializer(initial_bias)

        weights = []
        for i in range(n_layers):
            for _ in range(direction):
                weight = link.Link()
                with weight.init_scope():
                    for j in range(self.n_weights):
                        if j >= self.n_weights // 2:
                            w_in = out_size
                        elif i == 0:
                            w_in = in_size
                        else:
                            w_in = out_size * direction
                        setattr(weight, 'w%d' % j, variable.Parameter(
                            W_initializer, (out_size, w_in)))
                        setattr(weight, 'b%d' % j, variable.Parameter(
                            bias_initializer, out_size))
                weights.append(weight)

        super(NStepRNNBase, self).__init__(*weights)

        self._collect_weights()
        self.n_layers = n_layers
        self.dropout = dropout
        self.out_size = out_size
        self.direction = direction

    def _collect_weights(self):
        self.ws = [[getattr(layer, 'w%d' % i) for i in range(self.n_weights)]
                   for layer in self]
        self.bs = [[getattr(layer, 'b%d' % i) for i in range(self.n_weights)]
                   for layer in self]

    def copy(self, mode='share'):
        ret = super(NStepRNNBase, self).copy(mode)
        ret._collect_weights()
        return ret

    def init_hx(self, xs):
        """Returns a zero initial state for the batch of sequences ``xs``."""
        shape = (self.n_layers * self.direction, len(xs), self.out_size)
        with backend.using_device(self.device):
            return variable.Variable(self.xp.zeros(shape, dtype=xs[0].dtype))

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
        indices = argsort_list_descent(xs)

        xs = permutate_list(xs, indices, inv=False)
        hxs = []
        for hx in hs:
            if hx is None:
                hx = self.init_hx(xs)
            else:
                hx = permutate.permutate(hx, indices, axis=1, inv=False)
            hxs.append(hx)

        trans_x = transpose_sequence.transpose_sequence(xs)

        args = [self.n_layers, self.dropout] + hxs + \
            [self.ws, self.bs, trans_x]
        result = self.rnn(*args)

        hys = [permutate.permutate(h, indices, axis=1, inv=True)
               for h in result[:-1]]
        ys = transpose_sequence.transpose_sequence(result[-1])
        ys = permutate_list(ys, indices, inv=True)
        return hys, ys


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

    def rnn(self, *args):
        return rnn.n_step_rnn(*args, activation='tanh')

    @property
    def n_cells(self):
        return 1


class NStepRNNReLU(NStepRNNBase):
    """Stacked unidirectional RNN with ReLU.

    The arguments are those of :class:`NStepRNNTanh`.
    """

    n_weights = 2
    use_bi_direction = False

    def rnn(self, *args):
        return rnn.n_step_rnn(*args, activation='relu')

    @property
    def n_cells(self):
        return 1


class NStepBiRNNTanh(NStepRNNBase):
    """Stacked bidirectional RNN with tanh.

    The arguments are those of :class:`NStepRNNTanh`; outputs have
    ``2 * out_size`` features.
    """

    n_weights = 2
    use_bi_direction = True

    def rnn(self, *args):
        return rnn.n_step_birnn(*args, activation='tanh')

    @property
    def n_cells(self):
        return 1


class NStepBiRNNReLU(NStepRNNBase):
    """Stacked bidirectional RNN with ReLU.

    The arguments are those of :class:`NStepRNNTanh`; outputs have
    ``2 * out_size`` features.
    """

    n_weights = 2
    use_bi_direction = True

    def rnn(self, *args):
        return rnn.n_step_birnn(*args, activation='relu')

    @property
    def n_cells(self):
        return 1
