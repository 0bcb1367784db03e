"""L.Maxout: linear map then max over groups."""
import numpy
import pytest

import chainer_lite.links as L


def test_forward():
    layer = L.Maxout(3, 2, 4)
    x = numpy.random.randn(5, 3).astype(numpy.float32)
    z = x.dot(layer.linear.W.array.T) + layer.linear.b.array
    numpy.testing.assert_allclose(
        layer(x).array, z.reshape(5, 2, 4).max(axis=2), rtol=1e-6)


def test_array_and_callable_initializers():
    W = numpy.arange(24, dtype=numpy.float32).reshape(2, 4, 3)
    b = numpy.arange(8, dtype=numpy.float32).reshape(2, 4)
    layer = L.Maxout(3, 2, 4, initialW=W, initial_bias=b)
    numpy.testing.assert_array_equal(layer.linear.W.array, W.reshape(8, 3))
    numpy.testing.assert_array_equal(layer.linear.b.array, b.reshape(8))
    shapes = []

    def init(array):
        shapes.append(array.shape)
        array[...] = 1
    layer = L.Maxout(3, 2, 4, initialW=init, initial_bias=init)
    assert shapes == [(2, 4, 3), (2, 4)]
    assert layer.linear.W.shape == (8, 3)
    with pytest.raises(ValueError, match='initialW.ndim should be 3'):
        L.Maxout(3, 2, 4, initialW=numpy.zeros((8, 3)))
    assert L.Maxout(3, 2, 4, initial_bias=None).linear.b is None
