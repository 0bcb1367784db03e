"""L.StatefulZoneoutLSTM: an LSTM whose units randomly keep old state."""
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.noise import zoneout
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite.links.rnn import _util
from chainer_lite.utils import argument


class StatefulZoneoutLSTM(link.Chain):
    """Stateful LSTM with zoneout on the cell state and the output.

    In training each unit of ``c`` and ``h`` keeps its previous value with
    probability ``c_ratio`` / ``h_ratio`` (see
    :func:`~chainer.functions.zoneout`).

    Reference: Krueger et al., https://arxiv.org/abs/1606.01305

    Args:
        in_size (int): Input dimension.
        out_size (int): Output and cell state dimension.
        c_ratio (float): Zoneout ratio of the cell state.
        h_ratio (float): Zoneout ratio of the output.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.StatefulZoneoutLSTM(3, 2)
        >>> lstm(np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    def __init__(self, in_size, out_size, c_ratio=0.5, h_ratio=0.5, **kwargs):
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs, train='train argument is not supported anymore. '
                'Use chainer.using_config')
            argument.assert_kwargs_empty(kwargs)

        super(StatefulZoneoutLSTM, self).__init__()
        self.state_size = out_size
        self.c_ratio = c_ratio
        self.h_ratio = h_ratio
        self.reset_state()

        n_gates = 4 * out_size
        with self.init_scope():
            self.upward = linear.Linear(in_size, n_gates)
            self.lateral = linear.Linear(out_size, n_gates, nobias=True)

    def device_resident_accept(self, visitor):
        super(StatefulZoneoutLSTM, self).device_resident_accept(visitor)
        _util._visit_states(visitor, self.c, self.h)

    def set_state(self, c, h):
        """Sets the cell state and the output (moved to the link's device).

        Args:
            c (~chainer.Variable): Cell state.
            h (~chainer.Variable): Output.
        """
        self.c, self.h = _util._moved_states(self, c, h)

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
        if self.h is None:
            # Zoneout needs an old output to keep: start from zeros.
            self.h = _util._zero_state(
                self, len(x), self.state_size, x.dtype)
        else:
            pre += self.lateral(self.h)
        if self.c is None:
            self.c = _util._zero_state(
                self, len(x), self.state_size, x.dtype)
        a, i, f, o = _util._split_gates(pre, self.state_size)
        c_new = sigmoid.sigmoid(f) * self.c + tanh.tanh(a) * sigmoid.sigmoid(i)
        h_new = sigmoid.sigmoid(o) * tanh.tanh(c_new)
        # Masks are drawn for the cell first, then for the output.
        self.c = zoneout.zoneout(self.c, c_new, self.c_ratio)
        self.h = zoneout.zoneout(self.h, h_new, self.h_ratio)
        return self.h
