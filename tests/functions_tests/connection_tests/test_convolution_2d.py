"""F.convolution_2d (and its dilated/depthwise wrappers) against loops."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

from . import naive


@st.composite
def conv_cases(draw, ndim=2, max_side=5):
    """Sizes and options of a small convolution with a positive output."""
    groups = draw(st.integers(1, 2))
    c_g = draw(st.integers(1, 2))
    out_g = draw(st.integers(1, 2))
    n = draw(st.integers(1, 2))
    ints = st.integers
    ksize = tuple(draw(ints(1, 3)) for _ in range(ndim))
    stride = tuple(draw(ints(1, 2)) for _ in range(ndim))
    pad = tuple(draw(ints(0, 2)) for _ in range(ndim))
    dilate = tuple(draw(ints(1, 2)) for _ in range(ndim))
    cover_all = draw(st.booleans())
    lows = [max(1, (k - 1) * d + 1 - 2 * p)
            for k, d, p in zip(ksize, dilate, pad)]
    dims = tuple(draw(ints(low, max(low, max_side))) for low in lows)
    return dict(x_shape=(n, c_g * groups) + dims,
                w_shape=(out_g * groups, c_g) + ksize,
                stride=stride, pad=pad, dilate=dilate, groups=groups,
                cover_all=cover_all)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('nobias', [False, True])
@hypothesis.given(data=st.data())
def test_convolution_2d(dtype, nobias, data):
    case = data.draw(conv_cases())
    shapes = (case['x_shape'], case['w_shape'])
    if not nobias:
        shapes += ((case['w_shape'][0],),)
    inputs = data.draw(gradients.inputs(dtype, st.just(shapes)))
    options = dict(stride=case['stride'], pad=case['pad'],
                   dilate=case['dilate'], groups=case['groups'])

    def func(x, W, b=None):
        return F.convolution_2d(x, W, b, cover_all=case['cover_all'],
                                **options)

    def reference(x, W, b=None):
        return naive.convolution(x, W, b, cover_all=case['cover_all'],
                                 **options)

    gradients.check_function(func, reference, inputs,
                             tolerances={'forward': {'atol': 1e-2}}
                             if dtype == numpy.float16 else None)


@pytest.mark.parametrize('x_dtype,w_dtype', [
    (numpy.float16, numpy.float64), (numpy.float64, numpy.float32),
    (numpy.float32, numpy.float16)])
def test_mixed_dtypes(x_dtype, w_dtype):
    rng = numpy.random.RandomState(0)
    x = chainer_lite.Variable(rng.uniform(-1, 1, (2, 4, 5, 5)).astype(
        x_dtype))
    W = chainer_lite.Variable(rng.uniform(-1, 1, (6, 2, 3, 3)).astype(
        w_dtype))
    b = chainer_lite.Variable(rng.uniform(-1, 1, 6).astype(x_dtype))
    y = F.convolution_2d(x, W, b, pad=1, groups=2)
    assert y.dtype == x_dtype
    expected = naive.convolution(
        x.array.astype(numpy.float64), W.array.astype(numpy.float64),
        b.array.astype(numpy.float64), (1, 1), (1, 1), (1, 1), 2)
    numpy.testing.assert_allclose(y.array, expected, atol=1e-2, rtol=1e-2)
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert x.grad.dtype == x_dtype
    assert W.grad.dtype == w_dtype
    assert b.grad.dtype == x_dtype


def test_one_matrix_product_per_call(monkeypatch):
    # Forward, and each gradient, is a single (batched) matmul, whatever
    # the number of groups.
    calls = []
    original = numpy.matmul

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(numpy, 'matmul', counting)
    x = chainer_lite.Variable(numpy.ones((2, 4, 6, 6), numpy.float32))
    W = chainer_lite.Variable(numpy.ones((8, 2, 3, 3), numpy.float32))
    y = F.convolution_2d(x, W, groups=2)
    assert y.shape == (2, 8, 4, 4)
    assert len(calls) == 1
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert len(calls) == 3


def test_dilated_convolution_2d_is_convolution_with_dilate():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (1, 2, 7, 6)).astype(numpy.float32)
    W = rng.uniform(-1, 1, (3, 2, 2, 3)).astype(numpy.float32)
    y = F.dilated_convolution_2d(x, W, stride=2, pad=1, dilate=(2, 1))
    expected = naive.convolution(x, W, None, (2, 2), (1, 1), (2, 1))
    numpy.testing.assert_allclose(y.array, expected, atol=1e-5)


@pytest.mark.parametrize('multiplier', [1, 2])
def test_depthwise_convolution_2d(multiplier):
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, (2, 3, 5, 4))
    W = rng.uniform(-1, 1, (multiplier, 3, 2, 2))
    b = rng.uniform(-1, 1, 3 * multiplier)
    y = F.depthwise_convolution_2d(x, W, b, stride=1, pad=1)
    # Output channel i * multiplier + m: input channel i, filter W[m, i].
    for i in range(3):
        for m in range(multiplier):
            expected = naive.convolution(
                x[:, i:i + 1], W[m:m + 1, i:i + 1], b[i * multiplier + m:][:1],
                (1, 1), (1, 1), (1, 1))
            numpy.testing.assert_allclose(
                y.array[:, i * multiplier + m], expected[:, 0], atol=1e-12)
    gradients.check_function(
        lambda x, W, b: F.depthwise_convolution_2d(x, W, b, pad=1),
        None, (x, W, b), forward=False)


def test_type_errors():
    x = numpy.ones((1, 4, 5, 5), numpy.float32)
    W = numpy.ones((2, 2, 3, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType,
                       match=r'in_types\[0\]\.shape\[1\] == '
                             r'in_types\[1\]\.shape\[1\] \* 1'):
        F.convolution_2d(x, W)
    with pytest.raises(type_check.InvalidType, match='dtype.kind == f'):
        F.convolution_2d(x.astype(numpy.int32), W, groups=2)
    with pytest.raises(type_check.InvalidType):
        F.convolution_2d(x, W, numpy.ones(2, numpy.float64), groups=2)


def test_argument_errors():
    x = numpy.ones((1, 2, 5, 5), numpy.float32)
    W = numpy.ones((2, 2, 3, 3), numpy.float32)
    with pytest.raises(ValueError, match='Dilate should be positive'):
        F.convolution_2d(x, W, dilate=0)
    with pytest.raises(ValueError, match='deterministic argument'):
        F.convolution_2d(x, W, deterministic=True)
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        F.convolution_2d(x, W, foo=1)
    with pytest.raises(RuntimeError, match='cudnn_fast'):
        F.convolution_2d(x, W, cudnn_fast=True)
    with pytest.raises(AssertionError, match='Height in the output'):
        F.convolution_2d(x, numpy.ones((2, 2, 7, 3), numpy.float32))


@pytest.mark.parametrize('out_channels,size', [(8, 3), (2, 6)])
def test_weight_gradient_for_many_or_few_output_channels(out_channels, size):
    # More output channels than output pixels takes another product order.
    rng = numpy.random.RandomState(4)
    x = rng.uniform(-1, 1, (3, 4, size, size))
    W = rng.uniform(-1, 1, (out_channels, 2, 2, 2))
    gradients.check_function(
        lambda x, W: F.convolution_2d(x, W, groups=2),
        lambda x, W: naive.convolution(x, W, None, (1, 1), (0, 0), (1, 1), 2),
        (x, W), double_backward=False)
