"""L.LocalConvolution2D: unshared filters."""
import numpy

import chainer_lite.links as L


def test_forward_and_shapes():
    conv = L.LocalConvolution2D(2, 3, in_size=3, ksize=2)
    assert conv.W.shape == (3, 2, 2, 2, 2, 2) and conv.b.shape == (3, 2, 2)
    x = numpy.random.randn(1, 2, 3, 3).astype(numpy.float32)
    y = conv(x).array
    expected = numpy.empty((1, 3, 2, 2))
    for i in range(2):
        for j in range(2):
            patch = x[0, :, i:i + 2, j:j + 2]
            expected[0, :, i, j] = numpy.tensordot(
                conv.W.array[:, i, j], patch, 3) + conv.b.array[:, i, j]
    numpy.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


def test_lazy():
    conv = L.LocalConvolution2D(None, 2, ksize=3)
    conv(numpy.zeros((1, 1, 4, 5), numpy.float32))
    assert conv.W.shape == (2, 2, 3, 1, 3, 3)
