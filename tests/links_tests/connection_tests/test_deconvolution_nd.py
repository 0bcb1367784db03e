"""L.DeconvolutionND, Deconvolution1D/3D: shapes, 1-D transposed conv."""
import numpy

import chainer_lite.links as L


def test_shapes():
    deconv = L.Deconvolution3D(2, 3, 2, stride=2)
    assert deconv.W.shape == (2, 3, 2, 2, 2)
    y = deconv(numpy.zeros((1, 2, 2, 2, 2), numpy.float32))
    assert y.shape == (1, 3, 4, 4, 4)
    lazy = L.DeconvolutionND(2, 3, 2)
    lazy(numpy.zeros((1, 5, 2, 2), numpy.float32))
    assert lazy.W.shape == (5, 3, 2, 2)


def test_1d_matches_full_convolution():
    deconv = L.Deconvolution1D(1, 1, 3, nobias=True)
    x = numpy.random.randn(1, 1, 4).astype(numpy.float32)
    expected = numpy.convolve(x[0, 0], deconv.W.array[0, 0], 'full')
    numpy.testing.assert_allclose(deconv(x).array[0, 0], expected,
                                  rtol=1e-5, atol=1e-6)
