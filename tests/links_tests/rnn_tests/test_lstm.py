"""L.LSTM and L.StatelessLSTM: parameters, initialization, state handling."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import initializers


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _lstm_reference(c, h, x, link):
    # Gate pre-activations interleave a, i, f, o per unit.
    z = x.dot(link.upward.W.array.T) + link.upward.b.array
    if h is not None:
        z += h.dot(link.lateral.W.array.T)
    z = z.reshape(len(x), -1, 4)
    a, i, f, o = (z[:, :, k] for k in range(4))
    c = numpy.tanh(a) * _sigmoid(i) + _sigmoid(f) * c
    return c, _sigmoid(o) * numpy.tanh(c)


def test_parameters():
    lstm = L.LSTM(3, 4)
    assert [name for name, _ in lstm.namedparams()] == [
        '/lateral/W', '/upward/W', '/upward/b']
    assert lstm.upward.W.shape == (16, 3)
    assert lstm.lateral.W.shape == (16, 4)
    assert lstm.lateral.b is None
    # Forget gate bias (every 4th entry from 2) is 1, the others 0.
    numpy.testing.assert_array_equal(
        lstm.upward.b.array, numpy.tile([0., 0., 1., 0.], 4))


def test_weight_blocks_initialized_like_chainer():
    # Each (out_size, n) block of the weights is drawn separately by the
    # initializer, lateral block first, then upward.
    numpy.random.seed(11)
    lstm = L.LSTM(3, 2)
    numpy.random.seed(11)
    lateral, upward = [], []
    for _ in range(4):
        lateral.append(numpy.random.normal(0, numpy.sqrt(1. / 2), (2, 2)))
        upward.append(numpy.random.normal(0, numpy.sqrt(1. / 3), (2, 3)))
    numpy.testing.assert_array_equal(
        lstm.lateral.W.array, numpy.vstack(lateral).astype(numpy.float32))
    numpy.testing.assert_array_equal(
        lstm.upward.W.array, numpy.vstack(upward).astype(numpy.float32))


def test_custom_initializers():
    lstm = L.LSTM(2, 3, lateral_init=initializers.Constant(0.5),
                  upward_init=1.0, bias_init=0.25, forget_bias_init=2.0)
    numpy.testing.assert_array_equal(lstm.lateral.W.array,
                                     numpy.full((12, 3), 0.5))
    numpy.testing.assert_array_equal(lstm.upward.W.array, numpy.ones((12, 2)))
    numpy.testing.assert_array_equal(
        lstm.upward.b.array, numpy.tile([0.25, 0.25, 2.0, 0.25], 3))


def test_stateful_steps():
    lstm = L.LSTM(3, 2)
    xs = [numpy.random.randn(4, 3).astype(numpy.float32) for _ in range(3)]
    c = numpy.zeros((4, 2))
    h = None
    for x in xs:
        y = lstm(x)
        c, h = _lstm_reference(c, h, x, lstm)
        numpy.testing.assert_allclose(y.array, h, rtol=1e-5, atol=1e-6)
        numpy.testing.assert_allclose(lstm.c.array, c, rtol=1e-5, atol=1e-6)
    assert lstm.h is y
    lstm.reset_state()
    assert lstm.c is None and lstm.h is None


def test_shrinking_batch_keeps_rest_of_state():
    lstm = L.LSTM(2, 3)
    lstm(numpy.random.randn(3, 2).astype(numpy.float32))
    old_h = lstm.h.array.copy()
    y = lstm(numpy.random.randn(2, 2).astype(numpy.float32))
    assert y.shape == (2, 3) and lstm.h.shape == (3, 3)
    numpy.testing.assert_array_equal(lstm.h.array[2], old_h[2])
    with pytest.raises(TypeError, match='equal to or less than'):
        lstm(numpy.random.randn(4, 2).astype(numpy.float32))


def test_set_state():
    lstm = L.LSTM(2, 3)
    c = chainer.Variable(numpy.ones((1, 3), numpy.float32))
    h = chainer.Variable(numpy.zeros((1, 3), numpy.float32))
    lstm.set_state(c, h)
    x = numpy.random.randn(1, 2).astype(numpy.float32)
    y = lstm(x)
    _, expected = _lstm_reference(numpy.ones((1, 3)), numpy.zeros((1, 3)),
                                  x, lstm)
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-5, atol=1e-6)


def test_lazy_in_size():
    lstm = L.LSTM(3)
    assert lstm.upward.W.array is None
    y = lstm(numpy.zeros((2, 5), numpy.float32))
    assert lstm.upward.W.shape == (12, 5) and y.shape == (2, 3)
    numpy.testing.assert_array_equal(
        lstm.upward.b.array, numpy.tile([0., 0., 1., 0.], 3))


def test_stateless():
    lstm = L.StatelessLSTM(2, 3)
    x = numpy.random.randn(2, 2).astype(numpy.float32)
    c, h = lstm(None, None, x)
    c_ref, h_ref = _lstm_reference(numpy.zeros((2, 3)), None, x, lstm)
    numpy.testing.assert_allclose(h.array, h_ref, rtol=1e-5, atol=1e-6)
    c2, h2 = lstm(c, h, x)
    c_ref, h_ref = _lstm_reference(c_ref, h_ref, x, lstm)
    numpy.testing.assert_allclose(c2.array, c_ref, rtol=1e-5, atol=1e-6)


def test_gradients_flow_through_time():
    lstm = L.LSTM(2, 2)
    loss = 0
    for _ in range(3):
        loss += chainer.functions.sum(
            lstm(numpy.random.randn(2, 2).astype(numpy.float32)))
    lstm.cleargrads()
    loss.backward()
    assert numpy.abs(lstm.lateral.W.grad).sum() > 0
    assert lstm.upward.b.grad.shape == (8,)
