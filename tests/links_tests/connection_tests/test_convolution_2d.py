"""L.Convolution2D: parameters, Chainer-identical initial values, forward."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def _conv_reference(x, W, b, stride, pad):
    # Direct loops over output positions (cross-correlation).
    n, c, h, w = x.shape
    out_c, _, kh, kw = W.shape
    sy, sx = stride
    x = numpy.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    oh = (h + 2 * pad[0] - kh) // sy + 1
    ow = (w + 2 * pad[1] - kw) // sx + 1
    y = numpy.zeros((n, out_c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, :, i * sy:i * sy + kh, j * sx:j * sx + kw]
            y[:, :, i, j] = numpy.tensordot(patch, W, ((1, 2, 3), (1, 2, 3)))
    if b is not None:
        y += b.reshape(1, -1, 1, 1)
    return y


def test_parameters_and_str():
    conv = L.Convolution2D(3, 4, 3)
    assert conv.W.shape == (4, 3, 3, 3) and conv.b.shape == (4,)
    assert str(conv) == (
        'Convolution2D(in_channels=3, out_channels=4, ksize=3, '
        'stride=(1, 1), pad=(0, 0), nobias=False, dilate=(1, 1), groups=1)')
    assert L.Convolution2D(3, 4, 3, nobias=True).b is None


def test_initial_values_match_chainer():
    numpy.random.seed(3)
    conv = L.Convolution2D(2, 5, (3, 2))
    numpy.random.seed(3)
    fan_in = 2 * 3 * 2
    expected = numpy.random.normal(0, numpy.sqrt(1. / fan_in), (5, 2, 3, 2))
    numpy.testing.assert_array_equal(conv.W.array,
                                     expected.astype(numpy.float32))
    numpy.testing.assert_array_equal(conv.b.array, numpy.zeros(5))


@hypothesis.given(c=st.integers(1, 3), out_c=st.integers(1, 3),
                  k=st.integers(1, 3), stride=st.integers(1, 2),
                  pad=st.integers(0, 1), size=st.integers(3, 5))
@hypothesis.settings(max_examples=15)
def test_forward(c, out_c, k, stride, pad, size):
    conv = L.Convolution2D(c, out_c, k, stride=stride, pad=pad,
                           initial_bias=0.25)
    x = numpy.random.randn(2, c, size, size + 1).astype(numpy.float32)
    y = conv(x)
    expected = _conv_reference(x, conv.W.array, conv.b.array,
                               (stride, stride), (pad, pad))
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-4, atol=1e-5)


def test_lazy_in_channels():
    conv = L.Convolution2D(4, 3)
    assert conv.W.array is None and conv.ksize == 3
    y = conv(numpy.zeros((1, 2, 5, 5), numpy.float32))
    assert conv.W.shape == (4, 2, 3, 3) and y.shape == (1, 4, 3, 3)


def test_groups():
    conv = L.Convolution2D(4, 6, 1, groups=2)
    assert conv.W.shape == (6, 2, 1, 1)
    x = numpy.random.randn(1, 4, 2, 2).astype(numpy.float32)
    y = conv(x).array
    W = conv.W.array[:, :, 0, 0]
    expected_first = numpy.einsum('oc,nchw->nohw', W[:3], x[:, :2])
    numpy.testing.assert_allclose(y[:, :3], expected_first, rtol=1e-5,
                                  atol=1e-6)
    with pytest.raises(ValueError, match='divisible by the number of groups'):
        L.Convolution2D(3, 6, 1, groups=2)


def test_deterministic_argument_rejected():
    with pytest.raises(ValueError, match='deterministic argument'):
        L.Convolution2D(1, 1, 1, deterministic=True)


def test_from_params():
    W = numpy.random.randn(4, 2, 3, 3).astype(numpy.float32)
    conv = L.Convolution2D.from_params(W, stride=2, groups=1)
    assert conv.in_channels == 2 and conv.stride == (2, 2)
    numpy.testing.assert_array_equal(conv.W.array, W)


def test_backward_reaches_parameters():
    conv = L.Convolution2D(2, 3, 2)
    x = chainer.Variable(numpy.random.randn(2, 2, 4, 4).astype(numpy.float32))
    conv.cleargrads()
    chainer.functions.sum(conv(x)).backward()
    assert conv.W.grad.shape == conv.W.shape
    # d(sum y)/db = number of output positions per image times batch.
    numpy.testing.assert_allclose(conv.b.grad, numpy.full(3, 2 * 3 * 3))
