"""F.softmax along any axis."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _softmax(x, axis):
    e = numpy.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_softmax(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1), ranges=(-3, 3)))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    gradients.check_function(
        lambda x: F.softmax(x, axis=axis), lambda x: _softmax(x, axis), (x,))


def test_softmax_default_axis_is_1():
    x = numpy.random.RandomState(0).randn(2, 3, 4)
    numpy.testing.assert_allclose(F.softmax(x).array, _softmax(x, 1))


def test_softmax_large_inputs():
    y = F.softmax(numpy.array([[1000.0, 1000.0]], numpy.float32))
    numpy.testing.assert_allclose(y.array, [[0.5, 0.5]])


@pytest.mark.parametrize('x, axis', [
    (numpy.zeros((2, 3), numpy.float32), 2),
    (numpy.zeros((2, 3), numpy.int32), 1),
])
def test_softmax_invalid_input(x, axis):
    # As in Chainer, the chained comparison of the axis check cannot build
    # an InvalidType message: a failing check ends in a RuntimeError.
    with pytest.raises(RuntimeError):
        F.softmax(x, axis=axis)
