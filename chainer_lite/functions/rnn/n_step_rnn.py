"""Multi-layer Elman RNNs over variable-length sequences, and the layer
loop shared with the LSTM and GRU variants."""
from chainer_lite.functions.activation import relu
from chainer_lite.functions.activation import tanh
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import separate
from chainer_lite.functions.array import split_axis
from chainer_lite.functions.array import stack
from chainer_lite.functions.connection import linear
from chainer_lite.functions.noise import dropout
from chainer_lite.utils import argument


def _check_kwargs(kwargs):
    if kwargs:
        argument.check_unexpected_kwargs(
            kwargs, train='train argument is not supported anymore. '
            'Use chainer.using_config',
            use_cudnn='use_cudnn argument is not supported anymore. '
            'Use chainer.using_config')
        argument.assert_kwargs_empty(kwargs)


def _check_input_size(xs, ws):
    # The first layer's input weight must match the width of the inputs.
    sizes = xs[0].shape[1], ws[0][0].shape[1]
    if sizes[0] != sizes[1]:
        raise ValueError('Inconsistent input size in input values and weight '
                         'parameters: {} != {}'.format(*sizes))


def _gate_inputs(v, weights, biases):
    """Applies several linear maps to ``v`` with one matrix product.

    Returns the list of ``v W_k^T + b_k``, one per weight.
    """
    product = linear.linear(v, concat.concat(list(weights), axis=0),
                            concat.concat(list(biases), axis=0))
    if len(weights) == 1:
        return [product]
    return list(split_axis.split_axis(product, len(weights), axis=1))


def n_step_rnn(
        n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh', **kwargs):
    """Stacked uni-directional RNN function for sequence inputs.

    At each time step :math:`t` and layer the hidden state is updated as
    :math:`h_t = f(W_0 x_t + b_0 + W_1 h_{t-1} + b_1)`, with :math:`f`
    being ``tanh`` or ``relu``. The input of layer :math:`k > 0` is the
    output of layer :math:`k - 1`, passed through dropout.

    Args:
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio between layers.
        hx (:class:`~chainer.Variable`): Initial hidden states, of shape
            ``(n_layers, B, N)``.
        ws (list of list of :class:`~chainer.Variable`): ``ws[i]`` holds
            the two weights ``[W_0, W_1]`` of layer ``i``; ``W_0`` is
            ``(N, I)`` for the first layer and ``(N, N)`` after, ``W_1`` is
            ``(N, N)``.
        bs (list of list of :class:`~chainer.Variable`): ``bs[i]`` holds
            the two biases of layer ``i``, each of shape ``(N,)``.
        xs (list of :class:`~chainer.Variable`): The input of each time
            step, of shape ``(B_t, I)``; the batch sizes must not increase
            (sort the sequences by decreasing length, e.g. with
            :func:`~chainer.functions.transpose_sequence`).
        activation (str): ``'tanh'`` or ``'relu'``.

    Returns:
        tuple: ``(hy, ys)``: the last hidden states of each layer (shape of
        ``hx``) and the list of outputs of the last layer, one
        ``(B_t, N)`` variable per time step.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> hx = np.zeros((1, 2, 3), np.float32)
        >>> ws = [[np.ones((3, 4), np.float32), np.ones((3, 3), np.float32)]]
        >>> bs = [[np.zeros(3, np.float32), np.zeros(3, np.float32)]]
        >>> xs = [np.zeros((2, 4), np.float32), np.zeros((1, 4), np.float32)]
        >>> hy, ys = F.n_step_rnn(1, 0.0, hx, ws, bs, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((1, 2, 3), [(2, 3), (1, 3)])
    """
    return n_step_rnn_base(
        n_layers, dropout_ratio, hx, ws, bs, xs, activation,
        use_bi_direction=False, **kwargs)


def n_step_birnn(
        n_layers, dropout_ratio, hx, ws, bs, xs, activation='tanh', **kwargs):
    """Stacked bi-directional RNN function for sequence inputs.

    Like :func:`n_step_rnn`, but each layer runs one RNN forward in time
    and one backward, and passes the concatenation of their outputs to the
    next layer.

    Args:
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio between layers.
        hx (:class:`~chainer.Variable`): Initial hidden states, of shape
            ``(2 * n_layers, B, N)`` (index ``2 k`` forward, ``2 k + 1``
            backward).
        ws (list of list of :class:`~chainer.Variable`): Weights of the
            ``2 * n_layers`` directional layers; ``W_0`` of layers after the
            first is ``(N, 2 N)``.
        bs (list of list of :class:`~chainer.Variable`): Their biases.
        xs (list of :class:`~chainer.Variable`): The inputs of the time
            steps, with non-increasing batch sizes.
        activation (str): ``'tanh'`` or ``'relu'``.

    Returns:
        tuple: ``(hy, ys)``; each ``ys[t]`` has shape ``(B_t, 2 N)``.
    """
    return n_step_rnn_base(
        n_layers, dropout_ratio, hx, ws, bs, xs, activation,
        use_bi_direction=True, **kwargs)


def n_step_rnn_base(n_layers, dropout_ratio, hx, ws, bs, xs,
                    activation, use_bi_direction, **kwargs):
    """Base function of the stacked (bi-directional) RNNs.

    See :func:`n_step_rnn` and :func:`n_step_birnn`.

    Args:
        use_bi_direction (bool): Use a bi-directional RNN.

    Returns:
        tuple: ``(hy, ys)``.
    """
    _check_kwargs(kwargs)
    nonlinearities = {'tanh': tanh.tanh, 'relu': relu.relu}
    if activation not in nonlinearities:
        raise ValueError('Invalid activation: "%s". Please select from [%s]'
                         % (activation, ','.join(nonlinearities)))
    _check_input_size(xs, ws)
    nonlinearity = nonlinearities[activation]

    def elman_cell(x, h, c, w, b):
        from_input = linear.linear(x, w[0], b[0])
        from_state = linear.linear(h, w[1], b[1])
        return nonlinearity(from_input + from_state), None

    hy, _, ys = n_step_rnn_impl(
        elman_cell, n_layers, dropout_ratio, hx, None, ws, bs, xs,
        use_bi_direction)
    return hy, ys


def n_step_rnn_impl(
        f, n_layers, dropout_ratio, hx, cx, ws, bs, xs, use_bi_direction):
    """Runs a stacked (bi-directional) recurrent cell over the time steps.

    Args:
        f (callable): ``f(x, h, c, w, b) -> (h, c)``, one step of one layer
            (``c`` is ``None`` for cells without a cell state).
        n_layers (int): The number of layers.
        dropout_ratio (float): Dropout ratio on the inputs of layers above
            the first.
        hx: Initial hidden states, ``(n_layers * directions, B, N)``.
        cx: Initial cell states of that shape, or ``None``.
        ws, bs: Per directional layer weights and biases, passed to ``f``.
        xs: The inputs of the time steps.
        use_bi_direction (bool): Run a backward layer too.

    Returns:
        tuple: ``(hy, cy, ys)``; ``cy`` is ``None`` without cell states and
        ``ys`` a tuple.
    """
    n_dirs = 2 if use_bi_direction else 1
    h_init = separate.separate(hx)
    c_init = [None] * len(h_init) if cx is None else separate.separate(cx)
    h_last, c_last = [], []
    seq = list(xs)
    for layer in range(n_layers):
        per_direction = []
        for d in range(n_dirs):
            k = layer * n_dirs + d
            # Each direction draws its own dropout mask.
            layer_in = seq if layer == 0 else [
                dropout.dropout(x, ratio=dropout_ratio) for x in seq]
            h, c, outs = _run_cell(f, layer_in, h_init[k], c_init[k], ws[k],
                                   bs[k], reverse=d == 1)
            h_last.append(h)
            c_last.append(c)
            per_direction.append(outs)
        if n_dirs == 1:
            seq = per_direction[0]
        else:
            seq = [concat.concat(pair, axis=1)
                   for pair in zip(*per_direction)]
    cy = None if cx is None else stack.stack(c_last)
    return stack.stack(h_last), cy, tuple(seq)


def _run_cell(f, xs, h, c, w, b, reverse):
    """One directional layer over the time steps.

    Only the first ``len(x)`` rows of the state take part in a step; the
    other rows belong to sequences that are over (or, when running in
    reverse, not started yet) and are carried along untouched.
    """
    outs = [None] * len(xs)
    steps = range(len(xs) - 1, -1, -1) if reverse else range(len(xs))
    for t in steps:
        x = xs[t]
        active = len(x)
        if active == len(h):
            h, c = f(x, h, c, w, b)
            outs[t] = h
            continue
        h_act, c_act = f(x, h[:active], None if c is None else c[:active],
                         w, b)
        outs[t] = h_act
        h = concat.concat([h_act, h[active:]], axis=0)
        if c is not None:
            c = concat.concat([c_act, c[active:]], axis=0)
    return h, c, outs
