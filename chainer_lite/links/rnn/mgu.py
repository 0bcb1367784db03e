"""L.StatelessMGU and L.StatefulMGU: minimal gated units."""
import chainer_lite
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.array import concat
from chainer_lite.functions.math import linear_interpolate
from chainer_lite import link
from chainer_lite.links.connection import linear
from chainer_lite.links.rnn import _util
from chainer_lite import variable


class MGUBase(link.Chain):
    # Two linear maps on the concatenation of state and input: W_f (forget
    # gate) and W_h (candidate state).

    def __init__(self, n_inputs, n_units):
        super(MGUBase, self).__init__()
        n_concat = n_inputs + n_units  # both maps read [state, input]
        with self.init_scope():
            self.W_f = linear.Linear(n_concat, n_units)
            self.W_h = linear.Linear(n_concat, n_units)

    def _call_mgu(self, h, x):
        gate = sigmoid.sigmoid(self.W_f(concat.concat((h, x))))
        candidate = tanh.tanh(self.W_h(concat.concat((gate * h, x))))
        # gate * candidate + (1 - gate) * h
        return linear_interpolate.linear_interpolate(gate, candidate, h)


class StatelessMGU(MGUBase):
    """Minimal gated unit whose state is passed in by each call.

    .. math::
       f = \\sigma(W_f [h, x]), \\quad
       \\bar h = \\tanh(W_h [f \\odot h, x]), \\quad
       h' = f \\odot \\bar h + (1 - f) \\odot h

    Reference: Zhou et al., https://arxiv.org/abs/1603.09420

    Args:
        n_inputs (int): Input dimension.
        n_units (int): State dimension.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> mgu = L.StatelessMGU(3, 2)
        >>> h = np.zeros((4, 2), np.float32)
        >>> mgu(h, np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    forward = MGUBase._call_mgu


class StatefulMGU(_util._HiddenStateMixin, MGUBase):
    """Minimal gated unit keeping its state ``h`` between calls.

    The first step starts from a zero state of ``chainer.config.dtype``.

    Args:
        in_size (int): Input dimension.
        out_size (int): State dimension.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> mgu = L.StatefulMGU(3, 2)
        >>> mgu(np.ones((4, 3), np.float32)).shape
        (4, 2)
    """

    def __init__(self, in_size, out_size):
        super(StatefulMGU, self).__init__(n_inputs=in_size, n_units=out_size)
        self._state_size = out_size
        self.reset_state()

    def forward(self, x):
        """Runs one step.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input batch.

        Returns:
            ~chainer.Variable: The new state.
        """
        h = self.h
        if h is None:
            # Chainer starts from zeros of the default dtype, not x's.
            h = variable.Variable(self.xp.zeros(
                (len(x), self._state_size), dtype=chainer_lite.get_dtype()))
        self.h = self._call_mgu(h, x)
        return self.h
