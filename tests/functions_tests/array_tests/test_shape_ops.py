"""Functions that only change the shape or the axis order: expand_dims,
flatten, squeeze, swapaxes, moveaxis, rollaxis."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.array import squeeze
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_expand_dims(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1)))
    axis = data.draw(st.integers(-x.ndim - 1, x.ndim))
    gradients.check_function(
        lambda x: F.expand_dims(x, axis),
        lambda x: numpy.expand_dims(x, axis), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_flatten(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1)))
    gradients.check_function(F.flatten, lambda x: x.reshape(-1), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_squeeze(dtype, data):
    shape = data.draw(gradients.shapes(max_dims=4, max_side=2))
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    ones = [i for i, s in enumerate(shape) if s == 1]
    axis = data.draw(st.one_of(
        st.none(),
        st.lists(st.sampled_from(ones), unique=True).map(tuple)
        if ones else st.none()))
    if axis is not None and len(axis) == 1 and data.draw(st.booleans()):
        axis = axis[0] - len(shape)   # a negative int
    gradients.check_function(
        lambda x: F.squeeze(x, axis), lambda x: numpy.squeeze(x, axis), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_swapaxes(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1)))
    axes = st.integers(-x.ndim, x.ndim - 1)
    a1, a2 = data.draw(axes), data.draw(axes)
    gradients.check_function(
        lambda x: F.swapaxes(x, a1, a2),
        lambda x: numpy.swapaxes(x, a1, a2), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_moveaxis(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1)))
    n = data.draw(st.integers(1, x.ndim))
    axes = st.lists(st.integers(0, x.ndim - 1), min_size=n, max_size=n,
                    unique=True)
    source, destination = data.draw(axes), data.draw(axes)
    gradients.check_function(
        lambda x: F.moveaxis(x, tuple(source), tuple(destination)),
        lambda x: numpy.moveaxis(x, source, destination), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_rollaxis(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1)))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    start = data.draw(st.integers(-x.ndim, x.ndim))
    gradients.check_function(
        lambda x: F.rollaxis(x, axis, start),
        lambda x: numpy.rollaxis(x, axis, start), (x,))


def test_flatten_of_0dim():
    assert F.flatten(numpy.array(3.0)).shape == (1,)


def test_squeeze_argument_checks():
    with pytest.raises(TypeError):
        F.squeeze(numpy.zeros((1, 2)), axis=[0])
    with pytest.raises(ValueError):
        squeeze.argone([1, 2.0])
    with pytest.raises(type_check.InvalidType):
        F.squeeze(numpy.zeros((1, 2)), axis=2)


@pytest.mark.parametrize('func', [
    lambda x: F.expand_dims(x, 3),
    lambda x: F.expand_dims(x, -4),
    lambda x: F.moveaxis(x, 2, 0),
    lambda x: F.moveaxis(x, 0, -3),
    lambda x: F.rollaxis(x, 2),
    lambda x: F.rollaxis(x, 0, 3),
])
def test_axis_out_of_range(func):
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros((2, 3), 'f'))


@pytest.mark.parametrize('source,destination,error', [
    ((0, 1), (1,), ValueError),
    ((0, 0), (0, 1), ValueError),
    ((0, 1.0), (0, 1), TypeError),
])
def test_moveaxis_invalid_axes(source, destination, error):
    with pytest.raises(error):
        F.moveaxis(numpy.zeros((2, 3), 'f'), source, destination)


def test_rollaxis_requires_ints():
    with pytest.raises(TypeError):
        F.rollaxis(numpy.zeros((2, 3)), 1.0)
    with pytest.raises(TypeError):
        F.rollaxis(numpy.zeros((2, 3)), 1, 0.0)
