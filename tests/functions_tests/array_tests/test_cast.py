"""F.cast: dtype conversion, its gradient and the no-op shortcut."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite import gradient_check
from helpers import gradients


@pytest.mark.parametrize('in_dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('out_dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_cast_between_floats(in_dtype, out_dtype, data):
    x, = data.draw(gradients.inputs(in_dtype, gradients.same_shapes(1)))
    y = F.cast(x, out_dtype)
    assert y.dtype == out_dtype
    numpy.testing.assert_array_equal(y.array, x.astype(out_dtype))
    # Casting is linear, so a large step gives exact finite differences
    # even when the output is float16.
    gy = numpy.ones(x.shape, out_dtype)
    gradient_check.check_backward(
        lambda x: F.cast(x, out_dtype), x, gy, eps=0.25, atol=1e-2,
        rtol=1e-3, dtype=numpy.float64)
    gradient_check.check_double_backward(
        lambda x: F.cast(x, out_dtype), x, gy, numpy.ones_like(x),
        eps=0.25, atol=1e-2, rtol=1e-3, dtype=numpy.float64)


def test_gradient_has_input_dtype():
    x = chainer_lite.Variable(numpy.ones(3, numpy.float16))
    y = F.cast(x, numpy.float64)
    y.grad = numpy.full(3, 2.0)
    y.backward()
    assert x.grad.dtype == numpy.float16
    assert x.grad.tolist() == [2.0, 2.0, 2.0]


@pytest.mark.parametrize('in_dtype,out_dtype', [
    (numpy.int32, numpy.float32), (numpy.bool_, numpy.int8),
    (numpy.float32, numpy.uint8), (numpy.uint64, numpy.float16)])
def test_non_float_casts(in_dtype, out_dtype):
    x = numpy.arange(4).astype(in_dtype)
    y = F.cast(x, out_dtype)
    assert y.dtype == out_dtype
    numpy.testing.assert_array_equal(y.array, x.astype(out_dtype))


def test_integer_input_gets_no_gradient():
    x = chainer_lite.Variable(numpy.arange(3, dtype=numpy.int32))
    y = F.cast(x, numpy.float32)
    y.grad = numpy.ones(3, numpy.float32)
    y.backward()
    assert x.grad is None


def test_same_dtype_without_backprop_returns_input():
    x = chainer_lite.Variable(numpy.ones(2, numpy.float32))
    with chainer_lite.using_config('enable_backprop', False):
        assert F.cast(x, numpy.float32) is x
    a = numpy.ones(2, numpy.float32)
    assert F.cast(a, 'float32').array is a


def test_same_dtype_with_backprop_creates_nodes():
    x = chainer_lite.Variable(numpy.ones(2, numpy.float32))
    y1 = F.cast(x, numpy.float32)
    y2 = F.cast(x, numpy.float32)
    assert y1 is not x and y1.creator is not None
    g1, g2 = chainer_lite.grad([y1 + y2], [y1, y2],
                               [numpy.ones(2, numpy.float32)])
    assert g1.dtype == numpy.float32 and g1.array.tolist() == [1.0, 1.0]
