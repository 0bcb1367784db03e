"""L.Bias: learned or given bias broadcast from an axis."""
import numpy

import chainer_lite.links as L


def test_learned_bias():
    link = L.Bias(axis=1, shape=(3,))
    assert [name for name, _ in link.namedparams()] == ['/b']
    numpy.testing.assert_array_equal(link.b.array, numpy.zeros(3))
    link.b.array[...] = [1, 2, 3]
    x = numpy.random.randn(2, 3, 4).astype(numpy.float32)
    numpy.testing.assert_allclose(
        link(x).array, x + numpy.array([1, 2, 3]).reshape(1, 3, 1))


def test_given_bias():
    link = L.Bias(axis=0)
    assert list(link.params()) == []
    x = numpy.random.randn(2, 3).astype(numpy.float32)
    y = numpy.array([1., -1.], numpy.float32)
    numpy.testing.assert_allclose(link(x, y).array, x + y[:, None])
