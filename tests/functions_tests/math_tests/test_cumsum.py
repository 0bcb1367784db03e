"""F.cumsum (and the axis checks shared with F.cumprod)."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

from . import _axes


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_cumsum(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1)))
    axis = data.draw(_axes.axis_or_none(x.ndim))
    gradients.check_function(
        lambda x: F.cumsum(x, axis=axis),
        lambda x: numpy.cumsum(x, axis=axis), (x,))


@pytest.mark.parametrize('func', [F.cumsum, F.cumprod])
def test_invalid_axis(func):
    with pytest.raises(TypeError):
        func(numpy.zeros((2, 3), numpy.float32), axis=(0,))
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros((2, 3), numpy.float32), axis=2)
