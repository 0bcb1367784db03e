"""F.crelu: both signs, concatenated along an axis."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_crelu(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1), avoid=[0.0]))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    gradients.check_function(
        lambda x: F.crelu(x, axis=axis),
        lambda x: numpy.concatenate(
            [numpy.maximum(x, 0), numpy.maximum(-x, 0)], axis=axis), (x,))


def test_axis_must_be_int():
    with pytest.raises(TypeError):
        F.crelu(numpy.zeros((2, 2), numpy.float32), axis=1.0)
