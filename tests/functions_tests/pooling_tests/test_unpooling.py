"""F.unpooling_2d / unpooling_nd / upsampling_2d against loops."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import conv
from chainer_lite.utils import type_check
from helpers import gradients

from . import naive


@st.composite
def unpooling_cases(draw, ndim):
    ints = st.integers
    ksize = tuple(draw(ints(1, 3)) for _ in range(ndim))
    stride = tuple(draw(ints(1, 3)) for _ in range(ndim))
    pad = tuple(draw(ints(0, k - 1)) for k in ksize)
    cover_all = draw(st.booleans())
    dims = tuple(draw(ints(1, 3)) for _ in range(ndim))
    outs = tuple(conv.get_deconv_outsize(d, k, s, p, cover_all=cover_all)
                 for d, k, s, p in zip(dims, ksize, stride, pad))
    hypothesis.assume(all(o > 0 for o in outs))
    hypothesis.assume(all(
        conv.get_conv_outsize(o, k, s, p, cover_all) == d
        for o, d, k, s, p in zip(outs, dims, ksize, stride, pad)))
    return dict(shape=(draw(ints(1, 2)), draw(ints(1, 2))) + dims,
                ksize=ksize, stride=stride, pad=pad, cover_all=cover_all,
                outs=outs)


def _unpool(x, ksize, stride, pad, cover_all, outs):
    # Every input element is added over its window of the output.
    y = numpy.zeros(x.shape[:2] + outs)
    for pos, window in naive.windows(outs, ksize, stride, pad, cover_all):
        y[(slice(None), slice(None)) + window] += x[
            (slice(None), slice(None)) + pos][(Ellipsis,) + (None,) * len(
                outs)]
    return y


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('ndim', [1, 2, 3])
@hypothesis.given(data=st.data())
def test_unpooling(dtype, ndim, data):
    case = data.draw(unpooling_cases(ndim))
    x, = data.draw(gradients.inputs(dtype, st.just((case.pop('shape'),))))
    outs = case.pop('outs')
    outsize = outs if data.draw(st.booleans()) else None
    func = F.unpooling_2d if ndim == 2 else F.unpooling_nd
    gradients.check_function(
        lambda x: func(x, outsize=outsize, **case),
        lambda x: _unpool(x, outs=outs, **case), (x,))


def test_unpooling_2d_repeats_pixels():
    x = numpy.array([[[[1, 2], [3, 4]]]], numpy.float32)
    numpy.testing.assert_array_equal(
        F.unpooling_2d(x, 2, cover_all=False).array,
        numpy.kron(x, numpy.ones((2, 2))))
    with pytest.raises(type_check.InvalidType):
        F.unpooling_2d(x, 2, outsize=(7, 4), cover_all=False)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_upsampling_2d_inverts_max_pooling(dtype, data):
    ksize = (data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)))
    stride = (data.draw(st.integers(1, 3)), data.draw(st.integers(1, 3)))
    cover_all = data.draw(st.booleans())
    shape = (1, 2, data.draw(st.integers(ksize[0], 5)),
             data.draw(st.integers(ksize[1], 5)))
    rng = numpy.random.RandomState(data.draw(st.integers(0, 2 ** 16)))
    x0 = naive.distinct_values(shape, dtype, rng)
    y0, indexes = F.max_pooling_2d(x0, ksize, stride, cover_all=cover_all,
                                   return_indices=True)
    options = dict(ksize=ksize, stride=stride, outsize=shape[2:],
                   cover_all=cover_all)

    def reference(x):
        # Each value goes to the argmax of its window.
        n, c, oh, ow = x.shape
        up = numpy.zeros(shape)
        for i in range(oh):
            for j in range(ow):
                dy, dx = numpy.divmod(indexes[:, :, i, j], ksize[1])
                ys, xs = i * stride[0] + dy, j * stride[1] + dx
                for b in range(n):
                    for ch in range(c):
                        if ys[b, ch] < shape[2] and xs[b, ch] < shape[3]:
                            up[b, ch, ys[b, ch], xs[b, ch]] += x[b, ch, i, j]
        return up

    x, = data.draw(gradients.inputs(dtype, st.just((y0.shape,))))
    gradients.check_function(
        lambda x: F.upsampling_2d(x, indexes, **options), reference, (x,))


def test_upsampling_2d_restores_maxima():
    x = numpy.arange(1, 17, dtype=numpy.float32).reshape(1, 1, 4, 4)
    y, indexes = F.max_pooling_2d(x, 2, return_indices=True)
    up = F.upsampling_2d(y, indexes, 2, outsize=(4, 4)).array
    numpy.testing.assert_array_equal(up, numpy.where(
        numpy.isin(x, [6, 8, 14, 16]), x, 0))
