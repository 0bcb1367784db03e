"""F.im2col against a direct loop over windows."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import conv
from chainer_lite.utils import type_check
from helpers import gradients


def _reference(x, k, s, p, d, cover_all):
    n, c, h, w = x.shape
    out_h = conv.get_conv_outsize(h, k[0], s[0], p[0], cover_all, d[0])
    out_w = conv.get_conv_outsize(w, k[1], s[1], p[1], cover_all, d[1])
    col = numpy.zeros((n, c, k[0], k[1], out_h, out_w), x.dtype)
    for oy in range(out_h):
        for ox in range(out_w):
            for ky in range(k[0]):
                for kx in range(k[1]):
                    iy = oy * s[0] - p[0] + ky * d[0]
                    ix = ox * s[1] - p[1] + kx * d[1]
                    if 0 <= iy < h and 0 <= ix < w:
                        col[:, :, ky, kx, oy, ox] = x[:, :, iy, ix]
    return col.reshape(n, c * k[0] * k[1], out_h, out_w)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_im2col(dtype, data):
    pair = st.tuples(st.integers(1, 2), st.integers(1, 2))
    k, s, d = data.draw(pair), data.draw(pair), data.draw(pair)
    p = data.draw(st.tuples(st.integers(0, 1), st.integers(0, 1)))
    cover_all = data.draw(st.booleans())
    shape = (data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2)),
             data.draw(st.integers(3, 5)), data.draw(st.integers(3, 5)))
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    gradients.check_function(
        lambda x: F.im2col(x, k, s, p, cover_all, d),
        lambda x: _reference(x, k, s, p, d, cover_all), (x,))


def test_scalar_arguments():
    x = numpy.random.uniform(size=(1, 2, 5, 4)).astype(numpy.float32)
    numpy.testing.assert_array_equal(
        F.im2col(x, 2, 1, 1).array,
        _reference(x, (2, 2), (1, 1), (1, 1), (1, 1), False))


@pytest.mark.parametrize('x', [numpy.zeros((1, 2, 3), 'f'),
                               numpy.zeros((1, 1, 3, 3), 'i')])
def test_invalid(x):
    with pytest.raises(type_check.InvalidType):
        F.im2col(x, 2)
