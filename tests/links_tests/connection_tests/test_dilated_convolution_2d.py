"""L.DilatedConvolution2D: dilated filters."""
import numpy

import chainer_lite.links as L


def test_dilated_equals_sparse_filter():
    conv = L.DilatedConvolution2D(1, 1, 2, dilate=2, nobias=True)
    x = numpy.random.randn(1, 1, 5, 5).astype(numpy.float32)
    w = conv.W.array[0, 0]
    expected = (w[0, 0] * x[0, 0, :3, :3] + w[0, 1] * x[0, 0, :3, 2:] +
                w[1, 0] * x[0, 0, 2:, :3] + w[1, 1] * x[0, 0, 2:, 2:])
    numpy.testing.assert_allclose(conv(x).array[0, 0], expected, rtol=1e-5,
                                  atol=1e-6)


def test_lazy():
    conv = L.DilatedConvolution2D(3, 2, dilate=2)
    conv(numpy.zeros((1, 4, 7, 7), numpy.float32))
    assert conv.W.shape == (3, 4, 2, 2)
