"""L.StatelessMGU and L.StatefulMGU."""
import numpy

import chainer_lite.links as L


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def test_stateless_and_stateful_agree():
    stateless = L.StatelessMGU(3, 2)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    h = numpy.zeros((4, 2), numpy.float32)
    f = _sigmoid(numpy.hstack([h, x]).dot(stateless.W_f.W.array.T) +
                 stateless.W_f.b.array)
    h_bar = numpy.tanh(numpy.hstack([f * h, x]).dot(stateless.W_h.W.array.T)
                       + stateless.W_h.b.array)
    expected = f * h_bar + (1 - f) * h
    numpy.testing.assert_allclose(stateless(h, x).array, expected,
                                  rtol=1e-5, atol=1e-6)

    stateful = L.StatefulMGU(3, 2)
    stateful.copyparams(stateless)
    numpy.testing.assert_allclose(stateful(x).array, expected, rtol=1e-5,
                                  atol=1e-6)
    assert stateful.h.shape == (4, 2)
    stateful.reset_state()
    assert stateful.h is None
