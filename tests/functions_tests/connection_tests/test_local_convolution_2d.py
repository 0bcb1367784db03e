"""F.local_convolution_2d against a loop over output pixels."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import conv
from helpers import gradients


def _reference(x, W, b=None, stride=(1, 1)):
    out_c, oh, ow, c, kh, kw = W.shape
    y = numpy.zeros((len(x), out_c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, :, i * stride[0]:i * stride[0] + kh,
                      j * stride[1]:j * stride[1] + kw]
            y[:, :, i, j] = numpy.tensordot(patch, W[:, i, j],
                                            ((1, 2, 3), (1, 2, 3)))
    return y if b is None else y + b


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_local_convolution_2d(dtype, data):
    ints = st.integers
    kh, kw, sy, sx = (data.draw(ints(1, 2)) for _ in range(4))
    h, w = data.draw(ints(kh, 4)), data.draw(ints(kw, 4))
    oh = conv.get_conv_outsize(h, kh, sy, 0)
    ow = conv.get_conv_outsize(w, kw, sx, 0)
    n, c, out_c = (data.draw(ints(1, 2)) for _ in range(3))
    shapes = ((n, c, h, w), (out_c, oh, ow, c, kh, kw), (out_c, oh, ow))
    inputs = data.draw(gradients.inputs(dtype, st.just(shapes)))
    gradients.check_function(
        lambda x, W, b: F.local_convolution_2d(x, W, b, stride=(sy, sx)),
        lambda x, W, b: _reference(x, W, b, (sy, sx)), inputs)


def test_equals_convolution_with_shared_filters():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 3, 5, 5)).astype(numpy.float32)
    W = rng.uniform(-1, 1, (4, 3, 3, 3)).astype(numpy.float32)
    W_local = numpy.broadcast_to(W[:, None, None], (4, 2, 2, 3, 3, 3))
    numpy.testing.assert_allclose(
        F.local_convolution_2d(x, W_local, stride=2).array,
        F.convolution_2d(x, W, stride=2).array, rtol=1e-5, atol=1e-6)
