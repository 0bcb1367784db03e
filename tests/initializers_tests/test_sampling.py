"""UpsamplingDeconvFilter and DownsamplingConvFilter."""
import numpy
import pytest

from chainer_lite import initializers


def test_upsampling_filter_is_bilinear_kernel():
    a = numpy.empty((2, 2, 4, 4), numpy.float32)
    initializers.UpsamplingDeconvFilter()(a)
    line = numpy.array([0.25, 0.75, 0.75, 0.25])
    kernel = numpy.outer(line, line)
    numpy.testing.assert_allclose(a[0, 0], kernel)
    numpy.testing.assert_allclose(a[1, 1], kernel)
    # Channels are filtered separately.
    assert (a[0, 1] == 0).all() and (a[1, 0] == 0).all()


def test_downsampling_filter_sums_to_one():
    a = numpy.empty((3, 1, 3, 3), numpy.float64)
    initializers.DownsamplingConvFilter()(a)
    numpy.testing.assert_allclose(a.sum(axis=(2, 3)), numpy.ones((3, 1)))


def test_ksize_must_agree():
    with pytest.raises(ValueError, match='ksize must be all same'):
        initializers.UpsamplingDeconvFilter()(numpy.empty((1, 1, 3, 4)))


def test_only_linear_interpolation():
    with pytest.raises(ValueError, match='Unsupported interpolation'):
        initializers.UpsamplingDeconvFilter(interpolation='cubic')
