"""L.Deconvolution2D: parameters, initial values, forward."""
import hypothesis
import hypothesis.strategies as st
import numpy

import chainer_lite.links as L


def _deconv_reference(x, W, b, stride, pad):
    # Each input pixel scatters W-weighted copies into the output.
    n, c, h, w = x.shape
    _, out_c, kh, kw = W.shape
    sy, sx = stride
    full = numpy.zeros((n, out_c, (h - 1) * sy + kh, (w - 1) * sx + kw))
    for i in range(h):
        for j in range(w):
            full[:, :, i * sy:i * sy + kh, j * sx:j * sx + kw] += \
                numpy.tensordot(x[:, :, i, j], W, (1, 0))
    y = full[:, :, pad[0]:full.shape[2] - pad[0],
             pad[1]:full.shape[3] - pad[1]]
    if b is not None:
        y = y + b.reshape(1, -1, 1, 1)
    return y


def test_parameters_and_initial_values():
    numpy.random.seed(4)
    deconv = L.Deconvolution2D(3, 2, 4)
    assert deconv.W.shape == (3, 2, 4, 4) and deconv.b.shape == (2,)
    # The fan-in of a (in, out, kh, kw) weight is out * kh * kw.
    numpy.random.seed(4)
    expected = numpy.random.normal(0, numpy.sqrt(1. / 32), (3, 2, 4, 4))
    numpy.testing.assert_array_equal(deconv.W.array,
                                     expected.astype(numpy.float32))
    assert str(deconv) == 'Deconvolution2D()'


@hypothesis.given(c=st.integers(1, 3), out_c=st.integers(1, 3),
                  k=st.integers(1, 3), stride=st.integers(1, 2),
                  pad=st.integers(0, 1), size=st.integers(2, 4))
@hypothesis.settings(max_examples=15)
def test_forward(c, out_c, k, stride, pad, size):
    hypothesis.assume((size - 1) * stride + k - 2 * pad > 0)
    deconv = L.Deconvolution2D(c, out_c, k, stride=stride, pad=pad,
                               initial_bias=0.5)
    x = numpy.random.randn(2, c, size, size).astype(numpy.float32)
    y = deconv(x)
    expected = _deconv_reference(x, deconv.W.array, deconv.b.array,
                                 (stride, stride), (pad, pad))
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-4, atol=1e-5)


def test_lazy_and_outsize():
    deconv = L.Deconvolution2D(2, 3, stride=2, pad=1, outsize=(6, 6))
    assert deconv.W.array is None
    y = deconv(numpy.zeros((1, 4, 3, 3), numpy.float32))
    assert deconv.W.shape == (4, 2, 3, 3) and y.shape == (1, 2, 6, 6)
