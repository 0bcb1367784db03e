"""F.prod, zeros in the input included."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients

from . import _axes


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_prod(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1),
                                    ranges=(0.5, 1.5)))
    axis = data.draw(_axes.axes(x.ndim))
    keepdims = data.draw(st.booleans())
    if x.size and data.draw(st.booleans(), label='with a zero'):
        x.flat[data.draw(st.integers(0, x.size - 1))] = 0
    gradients.check_function(
        lambda x: F.prod(x, axis=axis, keepdims=keepdims),
        lambda x: numpy.asarray(x.prod(axis=axis, keepdims=keepdims)),
        (x,))


def test_prod_gradient_with_two_zeros():
    import chainer_lite
    x = chainer_lite.Variable(numpy.array([0.0, 2.0, 0.0, 3.0]))
    F.prod(x).backward()
    numpy.testing.assert_array_equal(x.grad, [0.0, 0.0, 0.0, 0.0])
    x = chainer_lite.Variable(numpy.array([0.0, 2.0, 3.0]))
    F.prod(x).backward()
    numpy.testing.assert_array_equal(x.grad, [6.0, 0.0, 0.0])


def test_prod_of_empty_axis():
    y = F.prod(numpy.zeros((2, 0), numpy.float32), axis=1)
    numpy.testing.assert_array_equal(y.array, [1.0, 1.0])
