"""L.DepthwiseConvolution2D: per-channel filters."""
import numpy

import chainer_lite.links as L


def test_forward_per_channel():
    conv = L.DepthwiseConvolution2D(2, 1, 1, initial_bias=0.5)
    assert conv.W.shape == (1, 2, 1, 1) and conv.b.shape == (2,)
    x = numpy.random.randn(1, 2, 3, 3).astype(numpy.float32)
    expected = x * conv.W.array[0, :, 0, 0].reshape(1, 2, 1, 1) + 0.5
    numpy.testing.assert_allclose(conv(x).array, expected, rtol=1e-5)


def test_initial_values_and_lazy():
    numpy.random.seed(0)
    conv = L.DepthwiseConvolution2D(None, 3, 2)
    assert conv.W.array is None
    numpy.random.seed(0)
    conv(numpy.zeros((1, 2, 3, 3), numpy.float32))
    numpy.random.seed(0)
    # HeNormal(1/sqrt(2)) on (3, 2, 2, 2): std = sqrt(1 / fan_in), fan_in 8.
    expected = numpy.random.normal(0, numpy.sqrt(1. / 8), (3, 2, 2, 2))
    numpy.testing.assert_allclose(conv.W.array, expected, rtol=1e-6)
    assert conv.b.shape == (6,)
