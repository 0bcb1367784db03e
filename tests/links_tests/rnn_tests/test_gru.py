"""L.StatelessGRU, L.StatefulGRU and L.GRU."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _apply(linear, x):
    return x.dot(linear.W.array.T) + linear.b.array


def _gru_reference(link, h, x):
    r = _sigmoid(_apply(link.W_r, x) + _apply(link.U_r, h))
    z = _sigmoid(_apply(link.W_z, x) + _apply(link.U_z, h))
    h_bar = numpy.tanh(_apply(link.W, x) + _apply(link.U, r * h))
    return z * h_bar + (1 - z) * h


def test_stateless():
    gru = L.StatelessGRU(3, 2)
    h = numpy.random.randn(4, 2).astype(numpy.float32)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    numpy.testing.assert_allclose(gru(h, x).array, _gru_reference(gru, h, x),
                                  rtol=1e-5, atol=1e-6)


def test_stateful_steps():
    gru = L.StatefulGRU(3, 2)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    first = gru(x).array
    z = _sigmoid(_apply(gru.W_z, x))
    numpy.testing.assert_allclose(
        first, z * numpy.tanh(_apply(gru.W, x)), rtol=1e-5, atol=1e-6)
    second = gru(x).array
    numpy.testing.assert_allclose(second, _gru_reference(gru, first, x),
                                  rtol=1e-5, atol=1e-6)
    gru.reset_state()
    assert gru.h is None
    gru.set_state(chainer.Variable(numpy.zeros((4, 2), numpy.float32)))
    assert gru.h.shape == (4, 2)


def test_gru_is_stateful():
    gru = L.GRU(3, 2)
    assert gru(numpy.zeros((1, 3), numpy.float32)).shape == (1, 2)
    with pytest.raises(ValueError, match='Use chainer.links.StatelessGRU'):
        gru(None, numpy.zeros((1, 3), numpy.float32))
