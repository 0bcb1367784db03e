"""F.flip, F.fliplr, F.flipud."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_flip(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1)))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    gradients.check_function(
        lambda x: F.flip(x, axis), lambda x: numpy.flip(x, axis), (x,))


test_fliplr = gradients.function_test(
    F.fliplr, numpy.fliplr, shapes=gradients.same_shapes(1, min_dims=2))
test_flipud = gradients.function_test(
    F.flipud, numpy.flipud, shapes=gradients.same_shapes(1, min_dims=1))


def test_flip_axis_must_be_int():
    with pytest.raises(TypeError):
        F.flip(numpy.zeros(2, 'f'), 0.0)


@pytest.mark.parametrize('func,x', [
    (lambda x: F.flip(x, 0), numpy.zeros((), 'f')),
    (lambda x: F.flip(x, 1), numpy.zeros(2, 'f')),
    (lambda x: F.flip(x, -2), numpy.zeros(2, 'f')),
    (F.fliplr, numpy.zeros(2, 'f')),
    (F.fliplr, numpy.zeros((2, 2), 'i')),
    (F.flipud, numpy.zeros((), 'f')),
])
def test_invalid(func, x):
    with pytest.raises(type_check.InvalidType):
        func(x)
