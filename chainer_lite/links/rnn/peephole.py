"""L.StatefulPeepholeLSTM: an LSTM whose gates also read the cell state."""
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite.links.rnn import _util


class StatefulPeepholeLSTM(link.Chain):
    """Stateful LSTM with peephole connections.

    Like :class:`~chainer.links.LSTM`, plus ``peep_i``, ``peep_f`` (from
    the previous cell state) and ``peep_o`` (from the new cell state)
    linear maps added to the input, forget and output gates.

    Reference: Gers and Schmidhuber, IJCNN 2000.

    Args:
        in_size (int): Input dimension.
        out_size (int): Output and cell state dimension.

    Attributes:
        upward, lateral, peep_i, peep_f, peep_o (~chainer.links.Linear):
            The linear maps.
        c (~chainer.Variable): Cell state.
        h (~chainer.Variable): Output of the previous step.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.StatefulPeepholeLSTM(3, 2)
        >>> lstm(np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    def __init__(self, in_size, out_size):
        super(StatefulPeepholeLSTM, self).__init__()
        self.state_size = out_size
        self.reset_state()
        # (name, input size, output size, has bias), in creation order.
        maps = [('upward', in_size, 4 * out_size, True),
                ('lateral', out_size, 4 * out_size, False)]
        maps += [('peep_' + gate, out_size, out_size, False)
                 for gate in 'ifo']
        with self.init_scope():
            for name, n_in, n_out, with_bias in maps:
                setattr(self, name, linear.Linear(
                    n_in, n_out, nobias=not with_bias))

    def device_resident_accept(self, visitor):
        super(StatefulPeepholeLSTM, self).device_resident_accept(visitor)
        _util._visit_states(visitor, self.c, self.h)

    def reset_state(self):
        """Forgets the state (``c`` and ``h`` become ``None``)."""
        self.c = self.h = None

    def forward(self, x):
        """Runs one step.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.

        Returns:
            ~chainer.Variable: The output of the step.
        """
        pre = self.upward(x)
        if self.h is not None:
            pre += self.lateral(self.h)
        c = self.c
        if c is None:
            c = _util._zero_state(self, len(x), self.state_size, x.dtype)
        a, i, f, o = _util._split_gates(pre, self.state_size)
        # The input and forget gates peek at the old cell state, the output
        # gate at the new one.
        c = (tanh.tanh(a) * sigmoid.sigmoid(i + self.peep_i(c))
             + sigmoid.sigmoid(f + self.peep_f(c)) * c)
        self.c = c
        self.h = sigmoid.sigmoid(o + self.peep_o(c)) * tanh.tanh(c)
        return self.h
