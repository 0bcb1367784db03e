"""F.concat: forward against numpy.concatenate, gradients, type checks."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.functions.array import concat
from chainer_lite.utils import type_check
from helpers import gradients


@st.composite
def _concat_shapes(draw):
    # Up to three shapes agreeing except along a drawn axis.
    base = draw(gradients.shapes(min_dims=1))
    axis = draw(st.integers(-len(base), len(base) - 1))
    n = draw(st.integers(1, 3))
    shapes = []
    for i in range(n):
        shape = list(base)
        shape[axis] = draw(st.integers(1 if i == 0 else 0, 3))
        shapes.append(tuple(shape))
    return axis, tuple(shapes)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_concat(dtype, data):
    axis, shapes = data.draw(_concat_shapes())
    xs = data.draw(gradients.inputs(dtype, st.just(shapes)))
    gradients.check_function(
        lambda *xs: F.concat(xs, axis),
        lambda *xs: numpy.concatenate(xs, axis), xs)


def test_default_axis_is_one():
    y = F.concat((numpy.zeros((2, 3)), numpy.ones((2, 1))))
    assert y.shape == (2, 4)


def test_axis_must_be_int():
    with pytest.raises(TypeError):
        concat.Concat(1.0)


@pytest.mark.parametrize('xs', [
    (numpy.zeros((2, 3), 'f'), numpy.zeros((3, 3), 'f')),   # other axis
    (numpy.zeros((2, 3), 'f'), numpy.zeros((2, 3), 'd')),   # dtype
    (numpy.zeros((2, 3), 'f'), numpy.zeros((2, 3, 1), 'f')),  # ndim
    (numpy.zeros((2,), 'f'),),  # axis out of range
])
def test_invalid_inputs(xs):
    with pytest.raises(type_check.InvalidType):
        F.concat(xs, axis=1)


def test_integer_inputs_concatenate():
    y = F.concat((numpy.arange(3), numpy.arange(2)), axis=0)
    assert y.array.tolist() == [0, 1, 2, 0, 1]


def test_gradient_of_one_input_is_passed_through():
    x = chainer_lite.Variable(numpy.arange(3.0))
    y = F.concat((x,), axis=0)
    y.grad = numpy.array([1.0, 2.0, 3.0])
    y.backward()
    assert x.grad.tolist() == [1.0, 2.0, 3.0]
