"""L.ChildSumTreeLSTM and L.NaryTreeLSTM: LSTMs over tree structures."""
from chainer_lite.functions.activation import sigmoid
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import split_axis
from chainer_lite.functions.rnn import tree_lstm
from chainer_lite import link
from chainer_lite.links.connection import linear


def _zero_input(link, cs, hs):
    # The input used when ``x`` is None: zeros shaped like the batch of the
    # first given state.
    given = [v for v in cs + hs if v is not None]
    if not given:
        raise ValueError('All inputs (cs, hs, x) are None.')
    base = given[0]
    return link.xp.zeros((base.shape[0], link.in_size), dtype=base.dtype)


def _pad_zero_nodes(xp, vs, shape, dtype):
    # Missing children (None) count as zero states.
    if any(v is None for v in vs):
        zero = xp.zeros(shape, dtype=dtype)
        return tuple(zero if v is None else v for v in vs)
    return vs


class ChildSumTreeLSTM(link.Chain):
    """Child-Sum Tree-LSTM: a node's state from any number of children.

    Called as ``link(c1, ..., cN, h1, ..., hN, x)`` with the children's cell
    states and outputs (``None`` for a missing child, zero) and the node
    input ``x`` (``None`` for zeros); returns the node's ``(c, h)``. The
    input, output and update gates read the sum of the children's outputs;
    each child has its own forget gate.

    Reference: Tai et al., https://arxiv.org/abs/1503.00075

    Args:
        in_size (int): Input dimension.
        out_size (int): State dimension.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.ChildSumTreeLSTM(3, 2)
        >>> x = np.ones((1, 3), np.float32)
        >>> c1, h1 = lstm(x)
        >>> c, h = lstm(c1, c1, h1, h1, x)
        >>> h.shape
        (1, 2)
    """

    def __init__(self, in_size, out_size):
        super(ChildSumTreeLSTM, self).__init__()
        with self.init_scope():
            self.W_x = linear.Linear(in_size, 4 * out_size)
            self.W_h_aio = linear.Linear(out_size, 3 * out_size, nobias=True)
            self.W_h_f = linear.Linear(out_size, out_size, nobias=True)
        self.in_size = in_size
        self.state_size = out_size

    def forward(self, *cshsx):
        """Computes the state of a node from those of its children.

        Args:
            cshsx: ``c1, ..., cN, h1, ..., hN, x``.

        Returns:
            tuple of ~chainer.Variable: ``(c, h)`` of the node.
        """
        assert len(cshsx) % 2 == 1
        cs = cshsx[:len(cshsx) // 2]
        hs = cshsx[len(cshsx) // 2:-1]
        x = cshsx[-1]
        assert len(cs) == len(hs)
        if x is None:
            x = _zero_input(self, cs, hs)

        W_x_in = self.W_x(x)
        W_x_aio_in, W_x_f_in = split_axis.split_axis(
            W_x_in, [3 * self.state_size], axis=1)

        if len(hs) == 0:
            a, i, o = split_axis.split_axis(W_x_aio_in, 3, axis=1)
            c = sigmoid.sigmoid(i) * tanh.tanh(a)
            h = sigmoid.sigmoid(o) * tanh.tanh(c)
            return c, h

        shape = (x.shape[0], self.state_size)
        hs = _pad_zero_nodes(self.xp, hs, shape, x.dtype)
        cs = _pad_zero_nodes(self.xp, cs, shape, x.dtype)

        aio_in = self.W_h_aio(sum(hs)) + W_x_aio_in
        # One forget gate per child: apply W_h_f to all children at once,
        # then lay the results side by side.
        W_h_fs_in = concat.concat(split_axis.split_axis(
            self.W_h_f(concat.concat(hs, axis=0)), len(hs), axis=0),
            axis=1)
        f_in = W_h_fs_in + concat.concat([W_x_f_in] * len(hs), axis=1)
        tree_lstm_in = concat.concat([aio_in, f_in], axis=1)

        return tree_lstm.tree_lstm(*(cs + (tree_lstm_in,)))


class NaryTreeLSTM(link.Chain):
    """N-ary Tree-LSTM: a node's state from a fixed number of ordered children.

    Called as ``link(c1, ..., cN, h1, ..., hN, x)`` with exactly
    ``n_ary`` children (``None`` for a missing one) and the node input
    ``x`` (``None`` for zeros); returns the node's ``(c, h)``. Each child
    position has its own weight ``W_h<k>``.

    Reference: Tai et al., https://arxiv.org/abs/1503.00075

    Args:
        in_size (int): Input dimension.
        out_size (int): State dimension.
        n_ary (int): Number of children.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> lstm = L.NaryTreeLSTM(3, 2, n_ary=2)
        >>> x = np.ones((1, 3), np.float32)
        >>> c, h = lstm(None, None, None, None, x)
        >>> c.shape
        (1, 2)
    """

    def __init__(self, in_size, out_size, n_ary=2):
        assert n_ary >= 1
        super(NaryTreeLSTM, self).__init__()
        with self.init_scope():
            self.W_x = linear.Linear(in_size, (3 + n_ary) * out_size)
            for i in range(1, n_ary + 1):
                setattr(self, 'W_h{}'.format(i), linear.Linear(
                    out_size, (3 + n_ary) * out_size, nobias=True))
        self.in_size = in_size
        self.state_size = out_size
        self.n_ary = n_ary

    def forward(self, *cshsx):
        """Computes the state of a node from those of its children.

        Args:
            cshsx: ``c1, ..., cN, h1, ..., hN, x`` with ``N = n_ary``.

        Returns:
            tuple of ~chainer.Variable: ``(c, h)`` of the node.
        """
        assert len(cshsx) == self.n_ary * 2 + 1
        cs = cshsx[:self.n_ary]
        hs = cshsx[self.n_ary:-1]
        x = cshsx[-1]
        if x is None:
            x = _zero_input(self, cs, hs)

        tree_lstm_in = self.W_x(x)
        for i, h in enumerate(hs, start=1):
            if h is not None:
                tree_lstm_in += getattr(self, 'W_h{}'.format(i))(h)

        cs = _pad_zero_nodes(
            self.xp, cs, (x.shape[0], self.state_size), x.dtype)
        return tree_lstm.tree_lstm(*(cs + (tree_lstm_in,)))
