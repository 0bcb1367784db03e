"""F.stack / F.separate: the two inverse operations and their gradients."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_stack(dtype, data):
    shape = data.draw(gradients.shapes())
    n = data.draw(st.integers(1, 3))
    axis = data.draw(st.integers(-len(shape) - 1, len(shape)))
    xs = data.draw(gradients.inputs(dtype, st.just((shape,) * n)))
    gradients.check_function(
        lambda *xs: F.stack(xs, axis),
        lambda *xs: numpy.stack(xs, axis), xs)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_separate(dtype, data):
    shape = data.draw(gradients.shapes(min_dims=1))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    gradients.check_function(
        lambda x: F.separate(x, axis),
        lambda x: tuple(numpy.moveaxis(x, axis, 0)[i, ...]
                        for i in range(x.shape[axis])), (x,))


def test_separate_of_vector_gives_0dim_arrays():
    ys = F.separate(numpy.arange(3.0))
    assert [y.array.tolist() for y in ys] == [0.0, 1.0, 2.0]
    assert all(type(y.array) is numpy.ndarray for y in ys)


def test_separate_missing_gradients_count_as_zero():
    x = chainer_lite.Variable(numpy.arange(6.0).reshape(3, 2))
    ys = F.separate(x)
    F.sum(ys[1] * 3.0).backward()
    assert x.grad.tolist() == [[0, 0], [3, 3], [0, 0]]


@pytest.mark.parametrize('xs,axis', [
    ((numpy.zeros(2, 'f'), numpy.zeros(3, 'f')), 0),
    ((numpy.zeros(2, 'f'), numpy.zeros(2, 'd')), 0),
    ((numpy.zeros(2, 'f'),), 2),
    ((numpy.zeros(2, 'f'),), -3),
])
def test_stack_invalid(xs, axis):
    with pytest.raises(type_check.InvalidType):
        F.stack(xs, axis)


@pytest.mark.parametrize('axis', [1, -2])
def test_separate_invalid_axis(axis):
    with pytest.raises(type_check.InvalidType):
        F.separate(numpy.zeros(2, 'f'), axis)
