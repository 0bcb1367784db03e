"""L.StatefulPeepholeLSTM: an LSTM whose gates also read the cell state."""
from chainer_lite import backend
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite.links.rnn._util import _split_gates
from chainer_lite import variable


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

        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size)
            self.lateral = linear.Linear(out_size, 4 * out_size, nobias=True)
            self.peep_i = linear.Linear(out_size, out_size, nobias=True)
            self.peep_f = linear.Linear(out_size, out_size, nobias=True)
            self.peep_o = linear.Linear(out_size, out_size, nobias=True)

    def device_resident_accept(self, visitor):
        super(StatefulPeepholeLSTM, self).device_resident_accept(visitor)
        if self.c is not None:
            visitor.visit_variable(self.c)
        if self.h is not None:
            visitor.visit_variable(self.h)

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
        lstm_in = self.upward(x)
        if self.h is not None:
            lstm_in += self.lateral(self.h)
        if self.c is None:
            with backend.using_device(self.device):
                self.c = variable.Variable(self.xp.zeros(
                    (len(x), self.state_size), dtype=x.dtype))

        a, i, f, o = _split_gates(lstm_in, self.state_size)
        a = tanh.tanh(a)
        i = sigmoid.sigmoid(i + self.peep_i(self.c))
        f = sigmoid.sigmoid(f + self.peep_f(self.c))
        self.c = a * i + f * self.c
        o = sigmoid.sigmoid(o + self.peep_o(self.c))
        self.h = o * tanh.tanh(self.c)
        return self.h
