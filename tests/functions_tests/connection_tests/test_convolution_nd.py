"""F.convolution_nd / deconvolution_nd (1-d and 3-d) against loops."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

from . import naive
from .test_convolution_2d import conv_cases
from .test_deconvolution_2d import deconv_cases


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('ndim', [1, 3])
@hypothesis.given(data=st.data())
@hypothesis.settings(max_examples=6)
def test_convolution_nd(dtype, ndim, data):
    case = data.draw(conv_cases(ndim, max_side=3 if ndim == 3 else 6))
    shapes = (case['x_shape'], case['w_shape'], (case['w_shape'][0],))
    inputs = data.draw(gradients.inputs(dtype, st.just(shapes)))
    options = dict(stride=case['stride'], pad=case['pad'],
                   dilate=case['dilate'], groups=case['groups'],
                   cover_all=case['cover_all'])
    gradients.check_function(
        lambda x, W, b: F.convolution_nd(x, W, b, **options),
        lambda x, W, b: naive.convolution(x, W, b, **options), inputs,
        tolerances={'forward': {'atol': 1e-2}}
        if dtype == numpy.float16 else None)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('ndim', [1, 3])
@hypothesis.given(data=st.data())
@hypothesis.settings(max_examples=6)
def test_deconvolution_nd(dtype, ndim, data):
    case = data.draw(deconv_cases(ndim))
    shapes = (case['x_shape'], case['w_shape'],
              (case['w_shape'][1] * case['groups'],))
    inputs = data.draw(gradients.inputs(dtype, st.just(shapes)))
    options = dict(stride=case['stride'], pad=case['pad'],
                   dilate=case['dilate'], groups=case['groups'])
    gradients.check_function(
        lambda x, W, b: F.deconvolution_nd(x, W, b, outsize=case['outsize'],
                                           **options),
        lambda x, W, b: naive.deconvolution(x, W, b, outs=case['outs'],
                                            **options),
        inputs, tolerances={'forward': {'atol': 1e-2}}
        if dtype == numpy.float16 else None)


def test_bias_of_another_dtype():
    x = chainer_lite.Variable(numpy.ones((1, 2, 4), numpy.float32))
    W = chainer_lite.Variable(numpy.ones((3, 2, 2), numpy.float32))
    b = chainer_lite.Variable(numpy.ones(3, numpy.float64))
    W_t = numpy.ones((2, 3, 2), numpy.float32)
    for y in (F.convolution_nd(x, W, b), F.deconvolution_nd(x, W_t, b)):
        assert y.dtype == numpy.float32
        b.cleargrad()
        y.grad = numpy.ones_like(y.array)
        y.backward()
        assert b.grad.dtype == numpy.float64


@pytest.mark.parametrize('func,ndim', [
    (F.convolution_1d, 1), (F.convolution_3d, 3),
    (F.deconvolution_1d, 1), (F.deconvolution_3d, 3)])
def test_fixed_ndim_wrappers(func, ndim):
    x = numpy.ones((1, 2) + (3,) * ndim, numpy.float32)
    W = numpy.ones((2, 2) + (2,) * ndim, numpy.float32)
    assert func(x, W).ndim == ndim + 2
    with pytest.raises(ValueError, match='should be {}'.format(ndim)):
        func(numpy.ones((1, 2, 3, 3), numpy.float32),
             numpy.ones((2, 2, 2, 2), numpy.float32))


def test_errors():
    x = numpy.ones((1, 3, 4), numpy.float32)
    with pytest.raises(TypeError, match='divisor'):
        F.convolution_nd(x, numpy.ones((4, 1, 2), numpy.float32), groups=2)
    with pytest.raises(type_check.InvalidType):
        F.deconvolution_nd(x, numpy.ones((2, 2, 2), numpy.float32))
    with pytest.raises(AssertionError, match='Output sizes'):
        F.deconvolution_nd(x, numpy.ones((3, 2, 2), numpy.float32), pad=10)
    with pytest.raises(AssertionError, match='Output sizes'):
        F.convolution_nd(x, numpy.ones((2, 3, 5), numpy.float32))
