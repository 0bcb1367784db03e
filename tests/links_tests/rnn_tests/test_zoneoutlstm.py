"""L.StatefulZoneoutLSTM."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def test_without_zoneout_is_an_lstm():
    lstm = L.StatefulZoneoutLSTM(3, 2, c_ratio=0.0, h_ratio=0.0)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    z = (x.dot(lstm.upward.W.array.T) + lstm.upward.b.array).reshape(4, 2, 4)
    a, i, f, o = (z[:, :, k] for k in range(4))
    c = numpy.tanh(a) * _sigmoid(i)
    y = lstm(x)
    numpy.testing.assert_allclose(y.array, _sigmoid(o) * numpy.tanh(c),
                                  rtol=1e-5, atol=1e-6)


def test_full_zoneout_keeps_state():
    lstm = L.StatefulZoneoutLSTM(3, 2, c_ratio=1.0, h_ratio=1.0)
    c = chainer.Variable(numpy.ones((1, 2), numpy.float32))
    h = chainer.Variable(numpy.full((1, 2), 0.5, numpy.float32))
    lstm.set_state(c, h)
    y = lstm(numpy.random.randn(1, 3).astype(numpy.float32))
    numpy.testing.assert_array_equal(y.array, [[0.5, 0.5]])


def test_train_argument_rejected():
    with pytest.raises(ValueError, match='train argument'):
        L.StatefulZoneoutLSTM(3, 2, train=True)
