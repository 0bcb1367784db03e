"""L.GRU, L.StatefulGRU and L.StatelessGRU: gated recurrent units."""
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.math import linear_interpolate
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite.links.rnn import _util


class GRUBase(link.Chain):
    # The six linear maps of a GRU: W_r, U_r (reset gate), W_z, U_z (update
    # gate), W, U (candidate state); W_* read the input, U_* the state.

    def __init__(self, in_size, out_size, init=None,
                 inner_init=None, bias_init=None):
        super(GRUBase, self).__init__()
        with self.init_scope():
            # Created pairwise in this order (reset, update, candidate), so
            # random initial weights come out as in Chainer.
            for suffix in ('_r', '_z', ''):
                setattr(self, 'W' + suffix, linear.Linear(
                    in_size, out_size, initialW=init,
                    initial_bias=bias_init))
                setattr(self, 'U' + suffix, linear.Linear(
                    out_size, out_size, initialW=inner_init,
                    initial_bias=bias_init))


class StatelessGRU(GRUBase):
    """GRU layer whose state is passed in by each call.

    .. math::
       r = \\sigma(W_r x + U_r h), \\quad z = \\sigma(W_z x + U_z h), \\\\
       \\bar h = \\tanh(W x + U (r \\odot h)), \\quad
       h' = z \\odot \\bar h + (1 - z) \\odot h

    Reference: Cho et al., https://arxiv.org/abs/1406.1078

    Args:
        in_size (int): Input dimension.
        out_size (int): State dimension.
        init: Initializer of the input weights.
        inner_init: Initializer of the state weights.
        bias_init: Initializer of the biases.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> gru = L.StatelessGRU(3, 2)
        >>> h = np.zeros((4, 2), np.float32)
        >>> gru(h, np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    def forward(self, h, x):
        """Runs one step.

        Args:
            h (~chainer.Variable): Previous state.
            x (~chainer.Variable): Input.

        Returns:
            ~chainer.Variable: The new state.
        """
        reset = sigmoid.sigmoid(self.W_r(x) + self.U_r(h))
        update = sigmoid.sigmoid(self.W_z(x) + self.U_z(h))
        candidate = tanh.tanh(self.W(x) + self.U(reset * h))
        # update * candidate + (1 - update) * h
        return linear_interpolate.linear_interpolate(update, candidate, h)


class StatefulGRU(_util._HiddenStateMixin, GRUBase):
    """GRU layer keeping its state ``h`` between calls.

    The first step (or the first after :meth:`reset_state`) uses a zero
    state. The update is that of :class:`StatelessGRU`.

    Args:
        in_size (int): Input dimension.
        out_size (int): State dimension.
        init: Initializer of the input weights.
        inner_init: Initializer of the state weights.
        bias_init: Initializer of the biases (0).

    Attributes:
        h (~chainer.Variable): The current state.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> gru = L.StatefulGRU(3, 2)
        >>> gru(np.ones((4, 3), np.float32)).shape
        (4, 2)
        >>> gru.h.shape
        (4, 2)
    """

    def __init__(self, in_size, out_size, init=None,
                 inner_init=None, bias_init=0):
        super(StatefulGRU, self).__init__(
            in_size, out_size, init=init, inner_init=inner_init,
            bias_init=bias_init)
        self.state_size = out_size
        self.reset_state()

    def forward(self, x):
        """Runs one step.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.

        Returns:
            ~chainer.Variable: The new state.
        """
        h = self.h
        update_in, candidate_in = self.W_z(x), self.W(x)
        if h is None:
            # From a zero state only the input terms remain, and the
            # interpolation keeps nothing of the old state.
            self.h = sigmoid.sigmoid(update_in) * tanh.tanh(candidate_in)
        else:
            reset = sigmoid.sigmoid(self.W_r(x) + self.U_r(h))
            update = sigmoid.sigmoid(update_in + self.U_z(h))
            candidate = tanh.tanh(candidate_in + self.U(reset * h))
            self.h = linear_interpolate.linear_interpolate(
                update, candidate, h)
        return self.h


class GRU(StatefulGRU):
    """Stateful GRU layer (same as :class:`StatefulGRU`).

    Since Chainer v2 ``L.GRU`` is stateful; calling it with two arguments,
    the old stateless form, raises ``ValueError`` pointing at
    :class:`StatelessGRU`.

    Args:
        in_size (int): Input dimension.
        out_size (int): State dimension.
        init: Initializer of the input weights.
        inner_init: Initializer of the state weights.
        bias_init: Initializer of the biases (0).
    """

    def forward(self, *args):
        """Runs one step on the single argument ``x``."""
        if len(args) != 1:
            msg = ('Invalid argument. The length of GRU.forward must be 1. '
                   'But %d is given. ' % len(args))
            if len(args) == 2:  # most likely the old stateless call
                msg += ('In Chainer v2, chainer.links.GRU is changed '
                        'from stateless to stateful. '
                        'One possibility is you assume GRU to be stateless. '
                        'Use chainer.links.StatelessGRU instead.')
            raise ValueError(msg)
        x, = args
        return super(GRU, self).forward(x)
