"""F.lstm (and LSTMGrad, its old-style gradient) and F.slstm."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite import gradient_check
from chainer_lite.functions.rnn import lstm
from chainer_lite.functions.rnn import slstm
from chainer_lite.utils import type_check
from helpers import gradients


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _gates(x):
    # Interleaved: x[:, 4 k + g] is gate g of unit k.
    r = x.reshape((len(x), x.shape[1] // 4, 4) + x.shape[2:])
    return [r[:, :, g] for g in range(4)]


def _lstm(c_prev, x):
    a, i, f, o = _gates(x)
    batch = len(x)
    c = c_prev.copy()
    c[:batch] = (numpy.tanh(a) * _sigmoid(i)
                 + _sigmoid(f) * c_prev[:batch])
    return c, _sigmoid(o) * numpy.tanh(c[:batch])


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_lstm(dtype, data):
    units = data.draw(st.integers(1, 3))
    rows = data.draw(st.integers(1, 3))
    batch = data.draw(st.integers(0, rows))
    extra = tuple(data.draw(st.lists(st.integers(1, 2), max_size=1)))
    c = data.draw(gradients.arrays(dtype, (rows, units) + extra))
    x = data.draw(gradients.arrays(dtype, (batch, 4 * units) + extra))
    gradients.check_function(F.lstm, _lstm, (c, x))


def test_lstm_gate_order():
    # Only the cell input (gate a of unit 0) is open: c = tanh(a) * 1.
    x = numpy.array([[2.0, 50, -50, 50]], numpy.float64)
    c, h = F.lstm(numpy.zeros((1, 1)), x)
    assert c.array[0, 0] == pytest.approx(numpy.tanh(2.0))
    assert h.array[0, 0] == pytest.approx(numpy.tanh(numpy.tanh(2.0)))


@pytest.mark.parametrize('batch', [3, 2, 0])
def test_lstm_grad_backward(batch):
    rng = numpy.random.RandomState(batch)
    c_prev = rng.uniform(-1, 1, (3, 2, 4))
    x = rng.uniform(-1, 1, (batch, 8, 4))
    c_next, gc = rng.uniform(-1, 1, (2, 3, 2, 4))
    gh = rng.uniform(-1, 1, (batch, 2, 4))
    gradient_check.check_backward(
        lstm.LSTMGrad(), (c_prev, x, c_next, gc, gh),
        tuple(rng.uniform(-1, 1, (3, 2, 4)) for _ in range(1))
        + (rng.uniform(-1, 1, x.shape),), atol=1e-5, rtol=1e-4)


@pytest.mark.parametrize('which', [0, 1])
def test_lstm_double_backward_with_one_output_gradient(which):
    rng = numpy.random.RandomState(which)
    c = rng.uniform(-1, 1, (3, 2))
    x = rng.uniform(-1, 1, (3, 8))
    gy = [rng.uniform(-1, 1, (3, 2)) for _ in range(2)]
    gy[which] = None
    gradient_check.check_double_backward(
        F.lstm, (c, x), tuple(gy),
        tuple(rng.uniform(-1, 1, v.shape) for v in (c, x)))


def test_lstm_type_check():
    with pytest.raises(type_check.InvalidType):
        F.lstm(numpy.zeros((2, 3), 'f'), numpy.zeros((2, 11), 'f'))
    with pytest.raises(type_check.InvalidType):
        F.lstm(numpy.zeros((2, 3), 'f'), numpy.zeros((3, 12), 'f'))


def _slstm(c1, c2, x1, x2):
    a1, i1, f1, o1 = _gates(x1)
    a2, i2, f2, o2 = _gates(x2)
    c = (numpy.tanh(a1) * _sigmoid(i1) + numpy.tanh(a2) * _sigmoid(i2)
         + _sigmoid(f1) * c1 + _sigmoid(f2) * c2)
    return c, _sigmoid(o1 + o2) * numpy.tanh(c)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('shape', [(3, 2), (2, 1, 3)])
def test_slstm(dtype, shape):
    rng = numpy.random.RandomState(0)
    x_shape = (shape[0], 4 * shape[1]) + shape[2:]
    inputs = tuple(rng.uniform(-1, 1, s).astype(dtype)
                   for s in (shape, shape, x_shape, x_shape))
    gradients.check_function(F.slstm, _slstm, inputs)


def test_slstm_grad_backward():
    rng = numpy.random.RandomState(1)
    c_shape, x_shape = (3, 2, 4), (3, 8, 4)
    inputs = tuple(rng.uniform(-1, 1, s) for s in (
        c_shape, c_shape, x_shape, x_shape, c_shape, c_shape, c_shape))
    grads = tuple(rng.uniform(-1, 1, s)
                  for s in (c_shape, c_shape, x_shape, x_shape))
    gradient_check.check_backward(slstm.SLSTMGrad(), inputs, grads,
                                  atol=1e-5, rtol=1e-4)
