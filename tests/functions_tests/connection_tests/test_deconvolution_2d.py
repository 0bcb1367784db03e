"""F.deconvolution_2d against a scatter loop, and as conv's adjoint."""
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
def deconv_cases(draw, ndim=2):
    groups = draw(st.integers(1, 2))
    c_g = draw(st.integers(1, 2))
    out_g = draw(st.integers(1, 2))
    ksize = tuple(draw(st.integers(1, 3)) for _ in range(ndim))
    stride = tuple(draw(st.integers(1, 2)) for _ in range(ndim))
    pad = tuple(draw(st.integers(0, 1)) for _ in range(ndim))
    dilate = tuple(draw(st.integers(1, 2)) for _ in range(ndim))
    dims = tuple(draw(st.integers(1, 3)) for _ in range(ndim))
    outs = tuple(conv.get_deconv_outsize(d, k, s, p, d=di)
                 for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate))
    hypothesis.assume(all(o > 0 for o in outs))
    # An explicit output size may add up to stride - 1 (cover_all mode).
    outs = tuple(o + draw(st.integers(0, s - 1))
                 for o, s in zip(outs, stride))
    explicit = draw(st.booleans()) or outs != tuple(
        conv.get_deconv_outsize(d, k, s, p, d=di)
        for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate))
    return dict(x_shape=(draw(st.integers(1, 2)), c_g * groups) + dims,
                w_shape=(c_g * groups, out_g) + ksize, stride=stride,
                pad=pad, dilate=dilate, groups=groups, outs=outs,
                outsize=outs if explicit else None)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('nobias', [False, True])
@hypothesis.given(data=st.data())
def test_deconvolution_2d(dtype, nobias, data):
    case = data.draw(deconv_cases())
    shapes = (case['x_shape'], case['w_shape'])
    if not nobias:
        shapes += ((case['w_shape'][1] * case['groups'],),)
    inputs = data.draw(gradients.inputs(dtype, st.just(shapes)))
    options = dict(stride=case['stride'], pad=case['pad'],
                   dilate=case['dilate'], groups=case['groups'])

    def func(x, W, b=None):
        return F.deconvolution_2d(x, W, b, outsize=case['outsize'],
                                  **options)

    def reference(x, W, b=None):
        return naive.deconvolution(x, W, b, outs=case['outs'], **options)

    gradients.check_function(func, reference, inputs,
                             tolerances={'forward': {'atol': 1e-2}}
                             if dtype == numpy.float16 else None)


def test_adjoint_of_convolution():
    # <conv(x), y> == <x, deconv(y)> for the same filter.
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (2, 4, 7, 6))
    W = rng.uniform(-1, 1, (6, 2, 3, 2))
    options = dict(stride=(2, 3), pad=(1, 2), dilate=(2, 1), groups=2)
    y = F.convolution_2d(x, W, cover_all=True, **options).array
    gy = rng.uniform(-1, 1, y.shape)
    gx = F.deconvolution_2d(gy, W, outsize=x.shape[2:], **options).array
    numpy.testing.assert_allclose((y * gy).sum(), (x * gx).sum())


def test_type_errors():
    x = numpy.ones((1, 3, 4, 4), numpy.float32)
    W = numpy.ones((3, 2, 3, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        F.deconvolution_2d(x, W[:2])
    # No convolution maps a 20-pixel image to 4 pixels with these sizes.
    with pytest.raises(type_check.InvalidType):
        F.deconvolution_2d(x, W, outsize=(20, 6))
    with pytest.raises(ValueError, match='Dilate should be positive'):
        F.deconvolution_2d(x, W, dilate=(1, 0))


@pytest.mark.parametrize('n,width', [(6, 2), (2, 6)])
def test_batch_last_and_batch_first_layouts(n, width):
    # Batches larger than the image width take a batch-last path.
    rng = numpy.random.RandomState(3)
    x = rng.uniform(-1, 1, (n, 4, 3, width))
    W = rng.uniform(-1, 1, (4, 3, 2, 3))
    b = rng.uniform(-1, 1, 6)
    options = dict(stride=(2, 1), pad=(1, 1), dilate=(1, 2), groups=2)
    outs = (conv.get_deconv_outsize(3, 2, 2, 1),
            conv.get_deconv_outsize(width, 3, 1, 1, d=2))
    y = F.deconvolution_2d(x, W, b, **options)
    numpy.testing.assert_allclose(
        y.array, naive.deconvolution(x, W, b, outs=outs, **options),
        atol=1e-12)
