"""L.DeformableConvolution2D: zero offsets make it a plain convolution."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
import chainer_lite.links as L
from chainer_lite import gradient_check


@pytest.mark.parametrize('in_channels', [3, None])
@pytest.mark.parametrize('nobias', [False, True])
def test_zero_offsets_equal_a_convolution(in_channels, nobias):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 7, 6)).astype(numpy.float32)
    link = L.DeformableConvolution2D(
        in_channels, 4, 3, stride=2, pad=1, offset_nobias=nobias,
        deform_nobias=nobias,
        offset_initialW=0.0, deform_initialW=rng.uniform(
            -1, 1, (4, 3, 3, 3)).astype(numpy.float32))
    y = link(x)
    # offset_conv's filter is zero, so every tap reads its usual pixel.
    expected = F.convolution_2d(x, link.deform_conv.W, link.deform_conv.b,
                                stride=2, pad=1)
    numpy.testing.assert_allclose(y.array, expected.array, atol=1e-5)
    names = sorted(name for name, _ in link.namedparams())
    assert names == sorted(
        ['/offset_conv/W', '/deform_conv/W'] +
        ([] if nobias else ['/offset_conv/b', '/deform_conv/b']))
    assert link.offset_conv.W.shape == (18, 3, 3, 3)


def test_default_deform_filter_is_zero_and_gradients_flow():
    numpy.random.seed(0)
    # Zero offsets keep the sampling positions fixed, away from the kinks
    # of bilinear interpolation, so finite differences are meaningful.
    link = L.DeformableConvolution2D(2, 3, 3, pad=1, offset_initialW=0.0)
    assert not link.deform_conv.W.array.any()
    link.deform_conv.W.array[...] = numpy.random.uniform(
        -1, 1, link.deform_conv.W.shape)
    x = numpy.random.uniform(-1, 1, (1, 2, 5, 5)).astype(numpy.float32)
    gy = numpy.random.uniform(-1, 1, (1, 3, 5, 5)).astype(numpy.float32)
    gradient_check.check_backward(
        link, x, gy, (link.deform_conv.W, link.deform_conv.b),
        eps=2 ** -3, atol=1e-3, rtol=1e-3)
    link.cleargrads()
    chainer.functions.sum(link(x)).backward()
    assert link.offset_conv.W.grad is not None
