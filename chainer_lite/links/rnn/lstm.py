"""L.LSTM (stateful) and L.StatelessLSTM: fully-connected LSTM layers."""
from chainer_lite import backend
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import split_axis
from chainer_lite.functions.rnn import lstm
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite import utils
from chainer_lite import variable


class LSTMBase(link.Chain):
    # Holds the two linear maps of an LSTM: ``upward`` (input to the four
    # gate pre-activations, with bias) and ``lateral`` (previous output to
    # them, no bias). Their 4 * out_size rows interleave the gates per unit
    # (a, i, f, o for unit 0, then unit 1, ...), the layout F.lstm reads.

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:
            out_size, in_size = in_size, None

        super(LSTMBase, self).__init__()
        if bias_init is None:
            bias_init = 0
        if forget_bias_init is None:
            forget_bias_init = 1
        self.state_size = out_size
        self.lateral_init = lateral_init
        self.upward_init = upward_init
        self.bias_init = bias_init
        self.forget_bias_init = forget_bias_init

        with self.init_scope():
            self.upward = linear.Linear(in_size, 4 * out_size, initialW=0)
            self.lateral = linear.Linear(out_size, 4 * out_size, initialW=0,
                                         nobias=True)
            if in_size is not None:
                self._initialize_params()

    def _initialize_params(self):
        lateral_init = initializers._get_initializer(self.lateral_init)
        upward_init = initializers._get_initializer(self.upward_init)
        bias_init = initializers._get_initializer(self.bias_init)
        forget_bias_init = initializers._get_initializer(self.forget_bias_init)

        # Each block of state_size rows is initialized on its own, so that
        # fan-based initializers see a (state_size, n) matrix.
        size = self.state_size
        for i in range(0, 4 * size, size):
            lateral_init(self.lateral.W.array[i:i + size, :])
            upward_init(self.upward.W.array[i:i + size, :])

        # Views of shape (1, state_size, 1) on the bias of each gate.
        gates = self.upward.b.array.reshape(1, size, 4, 1)
        a, i, f, o = [gates[:, :, k] for k in range(4)]
        bias_init(a)
        bias_init(i)
        forget_bias_init(f)
        bias_init(o)


class StatelessLSTM(LSTMBase):
    """LSTM layer whose state is passed in and returned by each call.

    Args:
        in_size (int or None): Input dimension; ``None`` (or a single size
            argument, taken as ``out_size``) infers it at the first call.
        out_size (int): Output (and cell state) dimension.
        lateral_init: Initializer of the ``lateral`` weights.
        upward_init: Initializer of the ``upward`` weights.
        bias_init: Initializer of the bias of the a, i and o gates (0).
        forget_bias_init: Initializer of the forget gate bias (1).

    Attributes:
        upward (~chainer.links.Linear): Input-to-gates map.
        lateral (~chainer.links.Linear): Output-to-gates map.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.StatelessLSTM(3, 4)
        >>> c, h = lstm(None, None, np.zeros((2, 3), np.float32))
        >>> c.shape, h.shape
        ((2, 4), (2, 4))
    """

    def forward(self, c, h, x):
        """Runs one step.

        Args:
            c (~chainer.Variable): Previous cell state, or ``None`` (zero).
            h (~chainer.Variable): Previous output, or ``None``.
            x (~chainer.Variable): Input batch.

        Returns:
            tuple of ~chainer.Variable: The new cell state and output.
        """
        if self.upward.W.array is None:
            in_size = x.size // x.shape[0]
            with backend.using_device(self.device):
                self.upward._initialize_params(in_size)
                self._initialize_params()

        lstm_in = self.upward(x)
        if h is not None:
            lstm_in += self.lateral(h)
        if c is None:
            with backend.using_device(self.device):
                c = variable.Variable(
                    self.xp.zeros((x.shape[0], self.state_size),
                                  dtype=x.dtype))
        return lstm.lstm(c, lstm_in)


class LSTM(LSTMBase):
    """Fully-connected LSTM layer that keeps its state between calls.

    Each call takes an input batch and returns the new output ``h``; the
    cell state ``c`` and ``h`` are kept for the next call until
    :meth:`reset_state`. A batch may be smaller than the previous one (as
    with sequences of decreasing length): the first rows of the state are
    updated and the rest carried over.

    Args:
        in_size (int or None): Input dimension; ``None`` (or a single size
            argument, taken as ``out_size``) infers it at the first call.
        out_size (int): Output (and cell state) dimension.
        lateral_init: Initializer of the ``lateral`` weights.
        upward_init: Initializer of the ``upward`` weights.
        bias_init: Initializer of the bias of the a, i and o gates (0).
        forget_bias_init: Initializer of the forget gate bias (1).

    Attributes:
        upward (~chainer.links.Linear): Input-to-gates map (params
            ``upward/W``, ``upward/b``).
        lateral (~chainer.links.Linear): Output-to-gates map (param
            ``lateral/W``).
        c (~chainer.Variable): Cell state.
        h (~chainer.Variable): Output of the previous step.

    .. seealso:: :func:`~chainer.functions.lstm`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.LSTM(3, 4)
        >>> [name for name, _ in lstm.namedparams()]
        ['/lateral/W', '/upward/W', '/upward/b']
        >>> lstm(np.zeros((2, 3), np.float32)).shape
        (2, 4)
        >>> lstm.h.shape
        (2, 4)
        >>> lstm.reset_state()
        >>> lstm.h is None
        True
    """

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:
            in_size, out_size = None, in_size
        super(LSTM, self).__init__(
            in_size, out_size, lateral_init, upward_init, bias_init,
            forget_bias_init)
        self.reset_state()

    def device_resident_accept(self, visitor):
        super(LSTM, self).device_resident_accept(visitor)
        if self.c is not None:
            visitor.visit_variable(self.c)
        if self.h is not None:
            visitor.visit_variable(self.h)

    def set_state(self, c, h):
        """Sets the cell state and the output (moved to the link's device).

        Args:
            c (~chainer.Variable): Cell state.
            h (~chainer.Variable): Output.
        """
        assert isinstance(c, variable.Variable)
        assert isinstance(h, variable.Variable)
        c.to_device(self.device)
        h.to_device(self.device)
        self.c = c
        self.h = h

    def reset_state(self):
        """Forgets the state (``c`` and ``h`` become ``None``)."""
        self.c = self.h = None

    def forward(self, x):
        """Runs one step.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch, no larger
                than the previous one.

        Returns:
            ~chainer.Variable: The output of the step.
        """
        if self.upward.W.array is None:
            with backend.using_device(self.device):
                in_size = utils.size_of_shape(x.shape[1:])
                self.upward._initialize_params(in_size)
                self._initialize_params()

        batch = x.shape[0]
        lstm_in = self.upward(x)
        h_rest = None
        if self.h is not None:
            h_size = self.h.shape[0]
            if batch == 0:
                h_rest = self.h
            elif h_size < batch:
                msg = ('The batch size of x must be equal to or less than '
                       'the size of the previous state h.')
                raise TypeError(msg)
            elif h_size > batch:
                h_update, h_rest = split_axis.split_axis(
                    self.h, [batch], axis=0)
                lstm_in += self.lateral(h_update)
            else:
                lstm_in += self.lateral(self.h)
        if self.c is None:
            with backend.using_device(self.device):
                self.c = variable.Variable(
                    self.xp.zeros((batch, self.state_size), dtype=x.dtype))
        self.c, y = lstm.lstm(self.c, lstm_in)

        if h_rest is None:
            self.h = y
        elif len(y.array) == 0:
            self.h = h_rest
        else:
            self.h = concat.concat([y, h_rest], axis=0)

        return y
