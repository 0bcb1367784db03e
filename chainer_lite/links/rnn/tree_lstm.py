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


def _fill_missing(xp, states, shape, dtype):
    # Missing children (None) count as zero states; one zero array serves
    # them all.
    zero = None
    filled = []
    for state in states:
        if state is None:
            if zero is None:
                zero = xp.zeros(shape, dtype=dtype)
            state = zero
        filled.append(state)
    return tuple(filled)


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
            # From the children's outputs: the a, i and o gates (from
            # their sum) and the per-child forget gate.
            self.W_h_aio = linear.Linear(
                out_size, 3 * out_size, nobias=True)
            self.W_h_f = linear.Linear(
                out_size, out_size, nobias=True)
        self.in_size = in_size
        self.state_size = out_size

    def forward(self, *cshsx):
        """Computes the state of a node from those of its children.

        Args:
            cshsx: ``c1, ..., cN, h1, ..., hN, x``.

        Returns:
            tuple of ~chainer.Variable: ``(c, h)`` of the node.
        """
        n_children, odd = divmod(len(cshsx), 2)
        assert odd == 1
        cs, hs = cshsx[:n_children], cshsx[n_children:-1]
        x = cshsx[-1]
        if x is None:
            x = _zero_input(self, cs, hs)
        n = self.state_size
        from_x_aio, from_x_f = split_axis.split_axis(
            self.W_x(x), [3 * n], axis=1)

        if n_children == 0:
            # A leaf: no children to forget, the cell starts from i * a.
            a, i, o = split_axis.split_axis(from_x_aio, 3, axis=1)
            c = sigmoid.sigmoid(i) * tanh.tanh(a)
            return c, sigmoid.sigmoid(o) * tanh.tanh(c)

        hs = _fill_missing(self.xp, hs, (len(x), n), x.dtype)
        cs = _fill_missing(self.xp, cs, (len(x), n), x.dtype)
        # The a, i and o gates read the sum of the children's outputs.
        aio = self.W_h_aio(sum(hs)) + from_x_aio
        # One forget gate per child: W_h_f runs once on the children stacked
        # along the batch axis; the results are then laid side by side.
        per_child = split_axis.split_axis(
            self.W_h_f(concat.concat(hs, axis=0)), n_children, axis=0)
        forget = (concat.concat(per_child, axis=1)
                  + concat.concat([from_x_f] * n_children, axis=1))
        return tree_lstm.tree_lstm(
            *cs, concat.concat((aio, forget), axis=1))


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
        # Pre-activations: a, i, o and one forget gate per child position.
        n_pre = (3 + n_ary) * out_size
        with self.init_scope():
            self.W_x = linear.Linear(in_size, n_pre)
            for k in range(n_ary):
                setattr(self, 'W_h%d' % (k + 1), linear.Linear(
                    out_size, n_pre, nobias=True))
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
        n = self.n_ary
        assert len(cshsx) == 2 * n + 1
        cs, hs, x = cshsx[:n], cshsx[n:2 * n], cshsx[2 * n]
        if x is None:
            x = _zero_input(self, cs, hs)

        pre = self.W_x(x)
        # A missing child contributes nothing through its own weight.
        for position, h in enumerate(hs):
            if h is not None:
                pre += getattr(self, 'W_h%d' % (position + 1))(h)
        cs = _fill_missing(self.xp, cs, (len(x), self.state_size), x.dtype)
        return tree_lstm.tree_lstm(*cs, pre)
