"""L.Highway: gated mix of a transformed input and the input."""
import numpy

import chainer_lite.links as L


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def test_forward():
    link = L.Highway(3)
    numpy.testing.assert_array_equal(link.transform.b.array, [-1, -1, -1])
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    h = numpy.maximum(x.dot(link.plain.W.array.T) + link.plain.b.array, 0)
    t = _sigmoid(x.dot(link.transform.W.array.T) + link.transform.b.array)
    numpy.testing.assert_allclose(link(x).array, h * t + x * (1 - t),
                                  rtol=1e-5, atol=1e-6)
