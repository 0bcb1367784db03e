"""im2col / col2im (2-D and N-d) against pixel-by-pixel reference loops."""
import itertools

import numpy
import pytest
from hypothesis import assume, given, settings, strategies as st

from chainer_lite.utils import conv
from chainer_lite.utils import conv_nd

SETTINGS = settings(max_examples=20, deadline=None)


def naive_im2col_nd(img, ksize, stride, pad, dilate, outs, pval=0):
    n, c = img.shape[:2]
    dims = img.shape[2:]
    col = numpy.empty((n, c) + tuple(ksize) + tuple(outs), img.dtype)
    for taps in itertools.product(*[range(k) for k in ksize]):
        for pos in itertools.product(*[range(o) for o in outs]):
            src = [p * s - pd + t * d for p, s, pd, t, d
                   in zip(pos, stride, pad, taps, dilate)]
            inside = all(0 <= i < dim for i, dim in zip(src, dims))
            value = img[(slice(None), slice(None)) + tuple(src)] \
                if inside else pval
            col[(slice(None), slice(None)) + taps + pos] = value
    return col


def naive_col2im_nd(col, stride, pad, dims, dilate):
    n, c = col.shape[:2]
    ndim = len(dims)
    ksize = col.shape[2:2 + ndim]
    outs = col.shape[2 + ndim:]
    img = numpy.zeros((n, c) + tuple(dims), col.dtype)
    for taps in itertools.product(*[range(k) for k in ksize]):
        for pos in itertools.product(*[range(o) for o in outs]):
            dst = [p * s - pd + t * d for p, s, pd, t, d
                   in zip(pos, stride, pad, taps, dilate)]
            if all(0 <= i < dim for i, dim in zip(dst, dims)):
                img[(slice(None), slice(None)) + tuple(dst)] += \
                    col[(slice(None), slice(None)) + taps + pos]
    return img


@st.composite
def conv_2d_cases(draw):
    h = draw(st.integers(1, 7))
    w = draw(st.integers(1, 7))
    kh, kw = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    sy, sx = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    ph, pw = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    dy, dx = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    cover_all = draw(st.booleans())
    out_h = conv.get_conv_outsize(h, kh, sy, ph, cover_all, dy)
    out_w = conv.get_conv_outsize(w, kw, sx, pw, cover_all, dx)
    if out_h <= 0 or out_w <= 0:
        # Kernel larger than the padded image: retry with no dilation and a
        # kernel that fits.
        kh, kw, dy, dx = 1, 1, 1, 1
        out_h = conv.get_conv_outsize(h, kh, sy, ph, cover_all, dy)
        out_w = conv.get_conv_outsize(w, kw, sx, pw, cover_all, dx)
    return dict(h=h, w=w, kh=kh, kw=kw, sy=sy, sx=sx, ph=ph, pw=pw, dy=dy,
                dx=dx, cover_all=cover_all, out_h=out_h, out_w=out_w)


@SETTINGS
@given(conv_2d_cases(), st.sampled_from([numpy.float16, numpy.float32,
                                         numpy.float64]))
def test_im2col_matches_reference(case, dtype):
    rng = numpy.random.RandomState(0)
    img = rng.uniform(-1, 1, (2, 3, case['h'], case['w'])).astype(dtype)
    col = conv.im2col_cpu(
        img, case['kh'], case['kw'], case['sy'], case['sx'], case['ph'],
        case['pw'], cover_all=case['cover_all'], dy=case['dy'],
        dx=case['dx'])
    expected = naive_im2col_nd(
        img, (case['kh'], case['kw']), (case['sy'], case['sx']),
        (case['ph'], case['pw']), (case['dy'], case['dx']),
        (case['out_h'], case['out_w']))
    assert col.shape == (2, 3, case['kh'], case['kw'], case['out_h'],
                         case['out_w'])
    assert col.dtype == dtype
    numpy.testing.assert_array_equal(col, expected)


@SETTINGS
@given(conv_2d_cases())
def test_col2im_matches_reference(case):
    rng = numpy.random.RandomState(1)
    col = rng.uniform(-1, 1, (2, 3, case['kh'], case['kw'], case['out_h'],
                              case['out_w']))
    img = conv.col2im_cpu(col, case['sy'], case['sx'], case['ph'],
                          case['pw'], case['h'], case['w'], case['dy'],
                          case['dx'])
    expected = naive_col2im_nd(col, (case['sy'], case['sx']),
                               (case['ph'], case['pw']),
                               (case['h'], case['w']),
                               (case['dy'], case['dx']))
    assert img.shape == (2, 3, case['h'], case['w'])
    numpy.testing.assert_allclose(img, expected, rtol=1e-12, atol=1e-12)


@SETTINGS
@given(conv_2d_cases())
def test_col2im_is_adjoint_of_im2col(case):
    # <im2col(x), c> == <x, col2im(c)> for every x and c.
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, (1, 2, case['h'], case['w']))
    col = conv.im2col_cpu(x, case['kh'], case['kw'], case['sy'], case['sx'],
                          case['ph'], case['pw'], cover_all=case['cover_all'],
                          dy=case['dy'], dx=case['dx'])
    c = rng.uniform(-1, 1, col.shape)
    back = conv.col2im_cpu(c, case['sy'], case['sx'], case['ph'], case['pw'],
                           case['h'], case['w'], case['dy'], case['dx'])
    numpy.testing.assert_allclose((col * c).sum(), (x * back).sum(),
                                  rtol=1e-10)


def test_im2col_padding_value_and_explicit_out_size():
    img = numpy.arange(9, dtype=numpy.float32).reshape(1, 1, 3, 3)
    col = conv.im2col_cpu(img, 2, 2, 1, 1, 1, 1, pval=-1, out_h=2, out_w=3)
    expected = naive_im2col_nd(img, (2, 2), (1, 1), (1, 1), (1, 1), (2, 3),
                               pval=-1)
    numpy.testing.assert_array_equal(col, expected)
    assert col[0, 0, 0, 0, 0, 0] == -1


def test_im2col_of_non_contiguous_input():
    base = numpy.random.RandomState(3).uniform(size=(2, 3, 8, 10))
    img = base[:, :, ::2, ::-1]
    col = conv.im2col_cpu(img, 3, 3, 1, 1, 0, 0)
    expected = naive_im2col_nd(img, (3, 3), (1, 1), (0, 0), (1, 1), (2, 8))
    numpy.testing.assert_array_equal(col, expected)


def test_im2col_result_is_independent_of_input():
    img = numpy.zeros((1, 1, 4, 4), numpy.float32)
    col = conv.im2col_cpu(img, 2, 2, 1, 1, 0, 0)
    assert col.flags.c_contiguous
    col[...] = 1
    assert not img.any()


def test_im2col_rejects_empty_output():
    img = numpy.zeros((1, 1, 2, 2), numpy.float32)
    with pytest.raises(AssertionError, match='Height'):
        conv.im2col_cpu(img, 3, 1, 1, 1, 0, 0)
    with pytest.raises(AssertionError, match='Width'):
        conv.im2col_cpu(img, 1, 3, 1, 1, 0, 0)


def test_dispatchers_use_cpu_for_numpy():
    img = numpy.random.RandomState(4).uniform(size=(1, 2, 5, 5))
    col = conv.im2col(img, 3, 3, 2, 2, 1, 1)
    numpy.testing.assert_array_equal(
        col, conv.im2col_cpu(img, 3, 3, 2, 2, 1, 1))
    numpy.testing.assert_array_equal(
        conv.col2im(col, 2, 2, 1, 1, 5, 5),
        conv.col2im_cpu(col, 2, 2, 1, 1, 5, 5))


@pytest.mark.parametrize('size,k,s,p,d,cover_all,expected', [
    (10, 4, 3, 2, 1, False, 4),
    (10, 4, 3, 2, 1, True, 5),
    (10, 4, 3, 2, 2, False, 3),
    (5, 3, 1, 0, 1, False, 3),
    (7, 2, 2, 0, 1, True, 4),
])
def test_get_conv_outsize(size, k, s, p, d, cover_all, expected):
    assert conv.get_conv_outsize(size, k, s, p, cover_all, d) == expected


@SETTINGS
@given(st.integers(1, 12), st.integers(1, 4), st.integers(1, 3),
       st.integers(0, 2), st.integers(1, 2), st.booleans())
def test_deconv_outsize_inverts_conv_outsize(out, k, s, p, d, cover_all):
    # A deconvolution's output, convolved back, gives the input size.
    size = conv.get_deconv_outsize(out, k, s, p, cover_all, d)
    if size > 0:
        assert conv.get_conv_outsize(size, k, s, p, cover_all, d) == out


@st.composite
def conv_nd_cases(draw):
    ndim = draw(st.integers(1, 3))
    dims = tuple(draw(st.lists(st.integers(2, 5), min_size=ndim,
                               max_size=ndim)))
    ksize = tuple(draw(st.lists(st.integers(1, 2), min_size=ndim,
                                max_size=ndim)))
    stride = tuple(draw(st.lists(st.integers(1, 2), min_size=ndim,
                                 max_size=ndim)))
    pad = tuple(draw(st.lists(st.integers(0, 1), min_size=ndim,
                              max_size=ndim)))
    dilate = tuple(draw(st.lists(st.integers(1, 2), min_size=ndim,
                                 max_size=ndim)))
    cover_all = draw(st.booleans())
    return dims, ksize, stride, pad, dilate, cover_all


@SETTINGS
@given(conv_nd_cases())
def test_im2col_nd_and_col2im_nd_match_reference(case):
    dims, ksize, stride, pad, dilate, cover_all = case
    outs = tuple(conv.get_conv_outsize(d, k, s, p, cover_all, di)
                 for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate))
    assume(all(o > 0 for o in outs))
    rng = numpy.random.RandomState(5)
    img = rng.uniform(-1, 1, (2, 2) + dims)
    col = conv_nd.im2col_nd_cpu(img, ksize, stride, pad,
                                cover_all=cover_all, dilate=dilate)
    numpy.testing.assert_array_equal(
        col, naive_im2col_nd(img, ksize, stride, pad, dilate, outs))
    c = rng.uniform(-1, 1, col.shape)
    numpy.testing.assert_allclose(
        conv_nd.col2im_nd_cpu(c, stride, pad, dims, dilate=dilate),
        naive_col2im_nd(c, stride, pad, dims, dilate), rtol=1e-12,
        atol=1e-12)


def test_conv_nd_2d_agrees_with_conv():
    img = numpy.random.RandomState(6).uniform(size=(2, 3, 6, 7))
    col = conv_nd.im2col_nd(img, (3, 2), (2, 1), (1, 0), dilate=(1, 2))
    numpy.testing.assert_array_equal(
        col, conv.im2col_cpu(img, 3, 2, 2, 1, 1, 0, dy=1, dx=2))
    numpy.testing.assert_array_equal(
        conv_nd.col2im_nd(col, (2, 1), (1, 0), (6, 7), dilate=(1, 2)),
        conv.col2im_cpu(col, 2, 1, 1, 0, 6, 7, dy=1, dx=2))


def test_conv_nd_rank_mismatch():
    img = numpy.zeros((1, 1, 4, 4))
    with pytest.raises(AssertionError):
        conv_nd.im2col_nd_cpu(img, (2,), (1, 1), (0, 0))
    col = numpy.zeros((1, 1, 2, 2, 3, 3))
    with pytest.raises(AssertionError):
        conv_nd.col2im_nd_cpu(col, (1, 1), (0, 0), (4,))


def test_as_tuple():
    assert conv_nd.as_tuple(2, 3) == (2, 2, 2)
    assert conv_nd.as_tuple([1, 2], 2) == (1, 2)
    with pytest.raises(AssertionError):
        conv_nd.as_tuple((1,), 2)
