"""L.StatefulPeepholeLSTM."""
import numpy

import chainer_lite.links as L


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def test_step():
    lstm = L.StatefulPeepholeLSTM(3, 2)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    c0 = numpy.zeros((4, 2))
    z = (x.dot(lstm.upward.W.array.T) + lstm.upward.b.array).reshape(4, 2, 4)
    a, i, f, o = (z[:, :, k] for k in range(4))
    i = _sigmoid(i + c0.dot(lstm.peep_i.W.array.T))
    f = _sigmoid(f + c0.dot(lstm.peep_f.W.array.T))
    c = numpy.tanh(a) * i + f * c0
    o = _sigmoid(o + c.dot(lstm.peep_o.W.array.T))
    y = lstm(x)
    numpy.testing.assert_allclose(lstm.c.array, c, rtol=1e-5, atol=1e-6)
    numpy.testing.assert_allclose(y.array, o * numpy.tanh(c), rtol=1e-5,
                                  atol=1e-6)
    lstm(x)
    lstm.reset_state()
    assert lstm.c is None and lstm.h is None
