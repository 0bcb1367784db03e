"""L.ConvolutionND, Convolution1D/3D: shapes, initial values, lazy channels."""
import numpy
import pytest

import chainer_lite.links as L
from chainer_lite.links.connection import convolution_nd


def test_shapes_and_initial_values():
    numpy.random.seed(2)
    conv = L.ConvolutionND(3, 2, 4, (1, 2, 3))
    numpy.random.seed(2)
    expected = numpy.random.normal(0, numpy.sqrt(1. / 12), (4, 2, 1, 2, 3))
    numpy.testing.assert_array_equal(conv.W.array,
                                     expected.astype(numpy.float32))
    y = conv(numpy.zeros((1, 2, 3, 3, 3), numpy.float32))
    assert y.shape == (1, 4, 3, 2, 1)


def test_1d_matches_correlation():
    conv = L.Convolution1D(1, 1, 3, initial_bias=0.5)
    x = numpy.random.randn(1, 1, 6).astype(numpy.float32)
    expected = numpy.correlate(x[0, 0], conv.W.array[0, 0], 'valid') + 0.5
    numpy.testing.assert_allclose(conv(x).array[0, 0], expected, rtol=1e-5)


def test_lazy_and_groups():
    conv = convolution_nd.ConvolutionND(2, 4, 3)
    conv(numpy.zeros((1, 6, 4, 4), numpy.float32))
    assert conv.W.shape == (4, 6, 3, 3)
    assert L.Convolution3D(4, 6, 1, groups=2).W.shape == (6, 2, 1, 1, 1)
    with pytest.raises(ValueError, match='divisible'):
        L.Convolution1D(3, 4, 1, groups=2)


def test_from_params():
    W = numpy.random.randn(4, 2, 2, 2).astype(numpy.float32)
    conv = L.ConvolutionND.from_params(W, groups=2)
    assert conv.W.shape == W.shape and conv.groups == 2
    numpy.testing.assert_array_equal(conv.W.array, W)
