"""L.Scale: learned or given scale, optional bias."""
import numpy
import pytest

import chainer_lite.links as L


def test_learned_scale_with_bias():
    link = L.Scale(axis=1, W_shape=(3,), bias_term=True)
    assert [name for name, _ in link.namedparams()] == ['/W', '/bias/b']
    numpy.testing.assert_array_equal(link.W.array, numpy.ones(3))
    link.W.array[...] = [1, 2, 3]
    link.bias.b.array[...] = 0.5
    x = numpy.random.randn(2, 3).astype(numpy.float32)
    numpy.testing.assert_allclose(link(x).array, x * [1, 2, 3] + 0.5,
                                  rtol=1e-6)


def test_given_scale():
    link = L.Scale(axis=1, bias_term=True, bias_shape=(2,))
    x = numpy.random.randn(3, 2).astype(numpy.float32)
    w = numpy.array([2., 3.], numpy.float32)
    numpy.testing.assert_allclose(link(x, w).array, x * w, rtol=1e-6)


def test_bias_shape_required():
    with pytest.raises(ValueError, match='bias_shape should be given'):
        L.Scale(bias_term=True)
