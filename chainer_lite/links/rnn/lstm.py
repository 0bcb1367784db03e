"""L.LSTM (stateful) and L.StatelessLSTM: fully-connected LSTM layers."""
from chainer_lite import backend
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import split_axis
from chainer_lite.functions.rnn import lstm
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite.links.rnn import _util
from chainer_lite import utils


class LSTMBase(link.Chain):
    # Holds the two linear maps of an LSTM: ``upward`` (input to the four
    # gate pre-activations, with bias) and ``lateral`` (previous output to
    # them, no bias). Their 4 * out_size rows interleave the gates per unit
    # (a, i, f, o for unit 0, then unit 1, ...), the layout F.lstm reads.

    def __init__(self, in_size, out_size=None, lateral_init=None,
                 upward_init=None, bias_init=None, forget_bias_init=None):
        if out_size is None:  # a single size is the output size
            in_size, out_size = None, in_size
        super(LSTMBase, self).__init__()
        self.state_size = out_size
        self.lateral_init = lateral_init
        self.upward_init = upward_init
        self.bias_init = 0 if bias_init is None else bias_init
        self.forget_bias_init = (
            1 if forget_bias_init is None else forget_bias_init)

        n_gates = 4 * out_size
        with self.init_scope():
            # Zero placeholders; _initialize_params fills them block-wise.
            self.upward = linear.Linear(in_size, n_gates, initialW=0)
            self.lateral = linear.Linear(
                out_size, n_gates, initialW=0, nobias=True)
            if in_size is not None:
                self._initialize_params()

    def _initialize_params(self):
        get = initializers._get_initializer
        init_lateral, init_upward = get(self.lateral_init), get(
            self.upward_init)
        n = self.state_size
        # One call per block of n rows, lateral and upward alternating, so
        # that fan-based initializers see an (n, fan_in) matrix and the
        # random draws come in Chainer's order.
        lateral_w, upward_w = self.lateral.W.array, self.upward.W.array
        for start in range(0, 4 * n, n):
            init_lateral(lateral_w[start:start + n])
            init_upward(upward_w[start:start + n])

        # (1, n, 1) views of the bias entries of the a, i, f and o gates.
        per_gate = self.upward.b.array.reshape(1, n, 4, 1)
        init_bias, init_forget = get(self.bias_init), get(
            self.forget_bias_init)
        for k, init in enumerate(
                (init_bias, init_bias, init_forget, init_bias)):
            init(per_gate[:, :, k])

    def _initialize_lazily(self, x):
        # First call with an unknown input size: size ``upward`` from x.
        with backend.using_device(self.device):
            self.upward._initialize_params(utils.size_of_shape(x.shape[1:]))
            self._initialize_params()

    def _zero_state(self, batch, dtype):
        return _util._zero_state(self, batch, self.state_size, dtype)


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
            self._initialize_lazily(x)
        pre = self.upward(x)
        if h is not None:
            pre += self.lateral(h)
        if c is None:
            c = self._zero_state(x.shape[0], x.dtype)
        return lstm.lstm(c, pre)


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
        super(LSTM, self).__init__(
            in_size, out_size, lateral_init=lateral_init,
            upward_init=upward_init, bias_init=bias_init,
            forget_bias_init=forget_bias_init)
        self.reset_state()

    def device_resident_accept(self, visitor):
        super(LSTM, self).device_resident_accept(visitor)
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
            x (~chainer.Variable or :ref:`ndarray`): Input batch, no larger
                than the previous one.

        Returns:
            ~chainer.Variable: The output of the step.
        """
        if self.upward.W.array is None:
            self._initialize_lazily(x)
        n_new = x.shape[0]
        pre = self.upward(x)
        # Rows of the previous output beyond this batch are carried over
        # unchanged (sequences sorted by decreasing length end first).
        carried = None
        h = self.h
        if h is not None:
            if n_new == 0:
                carried = h
            elif n_new > h.shape[0]:
                raise TypeError(
                    'The batch size of x must be equal to or less than '
                    'the size of the previous state h.')
            else:
                if n_new < h.shape[0]:
                    h, carried = split_axis.split_axis(h, [n_new], axis=0)
                pre += self.lateral(h)
        if self.c is None:
            self.c = self._zero_state(n_new, x.dtype)
        self.c, y = lstm.lstm(self.c, pre)

        if carried is None:
            self.h = y
        elif n_new == 0:
            self.h = carried
        else:
            self.h = concat.concat([y, carried], axis=0)
        return y
