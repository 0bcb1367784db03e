"""L.Bilinear: bilinear form plus linear terms."""
import numpy
import pytest

import chainer_lite.links as L


def test_forward():
    layer = L.Bilinear(2, 3, 4)
    assert [name for name, _ in layer.namedparams()] == [
        '/V1', '/V2', '/W', '/b']
    e1 = numpy.random.randn(5, 2).astype(numpy.float32)
    e2 = numpy.random.randn(5, 3).astype(numpy.float32)
    expected = (numpy.einsum('ni,nj,ijk->nk', e1, e2, layer.W.array) +
                e1.dot(layer.V1.array) + e2.dot(layer.V2.array) +
                layer.b.array)
    numpy.testing.assert_allclose(layer(e1, e2).array, expected, rtol=1e-5,
                                  atol=1e-5)


def test_nobias_and_initializers():
    layer = L.Bilinear(2, 2, 1, nobias=True, initialW=1.0)
    assert [name for name, _ in layer.namedparams()] == ['/W']
    e = numpy.ones((1, 2), numpy.float32)
    numpy.testing.assert_allclose(layer(e, e).array, [[4.0]])
    with pytest.raises(ValueError, match='must be tuple or None'):
        L.Bilinear(2, 2, 1, initial_bias=0)
    layer = L.Bilinear(1, 1, 1, initial_bias=(1.0, 2.0, 3.0))
    numpy.testing.assert_array_equal(layer.b.array, [3.0])
