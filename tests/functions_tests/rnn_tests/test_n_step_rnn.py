"""F.n_step_rnn / birnn, F.n_step_lstm / bilstm, F.n_step_gru / bigru and
F.tree_lstm, against plain per-step NumPy loops."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite import gradient_check


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _rnn_cell(activation):
    act = numpy.tanh if activation == 'tanh' else (
        lambda v: numpy.maximum(v, 0))

    def cell(x, h, c, w, b):
        return act(x.dot(w[0].T) + b[0] + h.dot(w[1].T) + b[1]), None
    return cell


def _lstm_cell(x, h, c, w, b):
    def gate(k):
        return x.dot(w[k].T) + h.dot(w[k + 4].T) + b[k] + b[k + 4]
    c = _sigmoid(gate(1)) * c + _sigmoid(gate(0)) * numpy.tanh(gate(2))
    return _sigmoid(gate(3)) * numpy.tanh(c), c


def _gru_cell(x, h, c, w, b):
    r = _sigmoid(x.dot(w[0].T) + b[0] + h.dot(w[3].T) + b[3])
    z = _sigmoid(x.dot(w[1].T) + b[1] + h.dot(w[4].T) + b[4])
    h_bar = numpy.tanh(x.dot(w[2].T) + b[2] + r * (h.dot(w[5].T) + b[5]))
    return (1 - z) * h_bar + z * h, None


def _reference(cell, n_layers, directions, hx, cx, ws, bs, xs):
    hy = hx.copy()
    cy = None if cx is None else cx.copy()
    inputs = list(xs)
    for layer in range(n_layers):
        outs = []
        for d in range(directions):
            idx = layer * directions + d
            order = range(len(inputs)) if d == 0 else reversed(
                range(len(inputs)))
            out = [None] * len(inputs)
            h = hy[idx].copy()
            c = None if cy is None else cy[idx].copy()
            for t in order:
                x = inputs[t]
                n = len(x)
                h_new, c_new = cell(x, h[:n], None if c is None else c[:n],
                                    ws[idx], bs[idx])
                h[:n] = h_new
                if c is not None:
                    c[:n] = c_new
                out[t] = h_new
            hy[idx] = h
            if cy is not None:
                cy[idx] = c
            outs.append(out)
        inputs = [numpy.concatenate([o[t] for o in outs], axis=1)
                  for t in range(len(inputs))]
    return hy, cy, inputs


def _params(rng, n_layers, directions, n_weights, in_size, units):
    ws, bs = [], []
    for layer in range(n_layers):
        for _ in range(directions):
            first = in_size if layer == 0 else units * directions
            ws.append([rng.uniform(-1, 1, (units, first if k < n_weights // 2
                                           else units))
                       for k in range(n_weights)])
            bs.append([rng.uniform(-1, 1, units) for _ in range(n_weights)])
    return ws, bs


CASES = [
    ('rnn_tanh', 2, _rnn_cell('tanh')),
    ('rnn_relu', 2, _rnn_cell('relu')),
    ('lstm', 8, _lstm_cell),
    ('gru', 6, _gru_cell),
]


def _call(kind, bi, n_layers, hx, cx, ws, bs, xs):
    if kind.startswith('rnn'):
        func = F.n_step_birnn if bi else F.n_step_rnn
        hy, ys = func(n_layers, 0.0, hx, ws, bs, xs,
                      activation=kind.split('_')[1])
        return hy, None, ys
    if kind == 'lstm':
        func = F.n_step_bilstm if bi else F.n_step_lstm
        return func(n_layers, 0.0, hx, cx, ws, bs, xs)
    func = F.n_step_bigru if bi else F.n_step_gru
    hy, ys = func(n_layers, 0.0, hx, ws, bs, xs)
    return hy, None, ys


@pytest.mark.parametrize('kind, n_weights, cell', CASES)
@pytest.mark.parametrize('bi', [False, True])
def test_n_step(kind, n_weights, cell, bi):
    rng = numpy.random.RandomState(0)
    n_layers, units, in_size, batches = 2, 3, 2, (3, 2, 2, 1)
    directions = 2 if bi else 1
    hx = rng.uniform(-1, 1, (n_layers * directions, 3, units))
    cx = rng.uniform(-1, 1, hx.shape) if kind == 'lstm' else None
    ws, bs = _params(rng, n_layers, directions, n_weights, in_size, units)
    xs = [rng.uniform(-1, 1, (b, in_size)) for b in batches]

    hy, cy, ys = _call(kind, bi, n_layers, hx, cx, ws, bs, xs)
    e_hy, e_cy, e_ys = _reference(cell, n_layers, directions, hx, cx, ws,
                                  bs, xs)
    numpy.testing.assert_allclose(hy.array, e_hy, rtol=1e-6)
    if cx is not None:
        numpy.testing.assert_allclose(cy.array, e_cy, rtol=1e-6)
    for y, e in zip(ys, e_ys):
        numpy.testing.assert_allclose(y.array, e, rtol=1e-6)

    # Gradients through every step, layer and direction.
    flat_ws = [w for layer in ws for w in layer]
    flat_bs = [b for layer in bs for b in layer]
    n_w = len(flat_ws)

    def f(hx, *rest):
        params = rest[:2 * n_w]
        xs = rest[2 * n_w:]
        ws_ = [list(params[i:i + n_weights])
               for i in range(0, n_w, n_weights)]
        bs_ = [list(params[n_w + i:n_w + i + n_weights])
               for i in range(0, n_w, n_weights)]
        hy, _, ys = _call(kind, bi, n_layers, hx, cx, ws_, bs_, list(xs))
        return (hy,) + tuple(ys)

    grads = (rng.uniform(-1, 1, hy.shape),) + tuple(
        rng.uniform(-1, 1, y.shape) for y in ys)
    gradient_check.check_backward(
        f, (hx,) + tuple(flat_ws + flat_bs) + tuple(xs), grads,
        atol=1e-5, rtol=1e-4)


def test_dropout_between_layers():
    rng = numpy.random.RandomState(1)
    hx = numpy.zeros((2, 2, 3))
    ws, bs = _params(rng, 2, 1, 2, 3, 3)
    xs = [rng.uniform(-1, 1, (2, 3))]
    numpy.random.seed(0)
    hy, ys = F.n_step_rnn(2, 0.5, hx, ws, bs, xs)
    with chainer_lite.using_config('train', False):
        hy_test, ys_test = F.n_step_rnn(2, 0.5, hx, ws, bs, xs)
    # The first layer never gets dropout; the second one does in training.
    numpy.testing.assert_allclose(hy.array[0], hy_test.array[0])
    assert not numpy.allclose(hy.array[1], hy_test.array[1])


def test_argument_errors():
    hx = numpy.zeros((1, 1, 2))
    ws = [[numpy.zeros((2, 3)), numpy.zeros((2, 2))]]
    bs = [[numpy.zeros(2), numpy.zeros(2)]]
    with pytest.raises(ValueError, match='Inconsistent input size'):
        F.n_step_rnn(1, 0.0, hx, ws, bs, [numpy.zeros((1, 4))])
    with pytest.raises(ValueError, match='Invalid activation'):
        F.n_step_rnn(1, 0.0, hx, ws, bs, [numpy.zeros((1, 3))],
                     activation='sigmoid')
    with pytest.raises(ValueError, match='train argument'):
        F.n_step_rnn(1, 0.0, hx, ws, bs, [numpy.zeros((1, 3))], train=True)


@pytest.mark.parametrize('n_children', [1, 3])
def test_tree_lstm(n_children):
    rng = numpy.random.RandomState(n_children)
    units = 2
    cs = [rng.uniform(-1, 1, (3, units)) for _ in range(n_children)]
    x = rng.uniform(-1, 1, (3, (3 + n_children) * units))
    c, h = F.tree_lstm(*(cs + [x]))
    blocks = numpy.split(x, 3 + n_children, axis=1)
    e_c = numpy.tanh(blocks[0]) * _sigmoid(blocks[1]) + sum(
        _sigmoid(f) * ci for f, ci in zip(blocks[3:], cs))
    numpy.testing.assert_allclose(c.array, e_c)
    numpy.testing.assert_allclose(
        h.array, _sigmoid(blocks[2]) * numpy.tanh(e_c))
    gy = tuple(rng.uniform(-1, 1, (3, units)) for _ in range(2))
    gradient_check.check_backward(F.tree_lstm, tuple(cs) + (x,), gy)
    gradient_check.check_double_backward(
        F.tree_lstm, tuple(cs) + (x,), gy,
        tuple(rng.uniform(-1, 1, v.shape) for v in cs + [x]))
