"""F.average (F.mean), with and without weights."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients

from . import _axes


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_mean(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1)))
    axis = data.draw(_axes.axes(x.ndim))
    keepdims = data.draw(st.booleans())
    gradients.check_function(
        lambda x: F.mean(x, axis=axis, keepdims=keepdims),
        lambda x: numpy.asarray(x.mean(axis=axis, keepdims=keepdims)), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_weighted_average(dtype, data):
    shape = data.draw(gradients.shapes(min_dims=1))
    axis = data.draw(st.one_of(st.none(), st.integers(-len(shape),
                                                      len(shape) - 1)))
    w_shape = shape if axis is None else (shape[axis],)
    x, w = data.draw(gradients.inputs(
        dtype, st.just((shape, w_shape)), ranges=[(-1, 1), (0.5, 2)]))
    keepdims = data.draw(st.booleans())
    gradients.check_function(
        lambda x, w: F.average(x, axis=axis, weights=w, keepdims=keepdims),
        lambda x, w: numpy.asarray(numpy.average(x, axis=axis, weights=w))
        .reshape(x.mean(axis=axis, keepdims=keepdims).shape), (x, w))


def test_variable_mean_method():
    x = chainer_lite.Variable(numpy.array([[1.0, 3.0], [5.0, 7.0]]))
    numpy.testing.assert_allclose(x.mean(axis=0).array, [3.0, 5.0])


def test_weights_with_tuple_axis():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        F.average(x, axis=(0, 1), weights=numpy.ones((2, 3), numpy.float32))


def test_duplicate_axis():
    with pytest.raises(ValueError):
        F.mean(numpy.zeros((2, 3), numpy.float32), axis=(1, 1))
