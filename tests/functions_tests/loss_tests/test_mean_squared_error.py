"""F.mean_squared_error, F.squared_error, F.absolute_error,
F.mean_absolute_error."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


test_mean_squared_error = gradients.function_test(
    F.mean_squared_error, lambda a, b: ((a - b) ** 2).mean(), arity=2)

test_squared_error = gradients.function_test(
    F.squared_error, lambda a, b: (a - b) ** 2, arity=2)

test_squared_difference = gradients.function_test(
    F.squared_difference, lambda a, b: (a - b) ** 2, arity=2,
    dtypes=[numpy.float32])


def _with_offset(func):
    # |x0 - x1| has a kink where the inputs are equal: x1 = x0 - offset
    # with |offset| >= 0.1 keeps the difference away from it.
    return lambda x0, offset: func(x0, x0 - offset)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('func, reference', [
    (F.absolute_error, lambda d: numpy.abs(d)),
    (F.mean_absolute_error, lambda d: numpy.abs(d).mean()),
])
@hypothesis.given(data=st.data())
def test_absolute_errors(dtype, func, reference, data):
    x0, offset = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(2), avoid=[0.0], margin=0.1))
    gradients.check_function(
        _with_offset(func), lambda x0, offset: reference(offset),
        (x0, offset), double_backward=func is F.absolute_error)


def test_mean_absolute_error_float16_sums_in_float32():
    x = numpy.full(4096, 1, numpy.float16)
    y = F.mean_absolute_error(x, numpy.zeros_like(x))
    assert y.dtype == numpy.float16 and float(y.array) == 1.0


@pytest.mark.parametrize('func', [
    F.mean_squared_error, F.squared_error, F.absolute_error,
    F.mean_absolute_error])
def test_type_check(func):
    a = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        func(a, a.astype(numpy.float64))
    with pytest.raises(type_check.InvalidType):
        func(a, numpy.zeros((3, 2), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        func(a.astype(numpy.int32), a.astype(numpy.int32))
