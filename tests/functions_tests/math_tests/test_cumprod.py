"""F.cumprod, zeros in the input included."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients

from . import _axes


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_cumprod(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1),
                                    ranges=(-1.5, 1.5)))
    axis = data.draw(_axes.axis_or_none(x.ndim))
    if x.size and data.draw(st.booleans(), label='with a zero'):
        x.flat[data.draw(st.integers(0, x.size - 1))] = 0
    gradients.check_function(
        lambda x: F.cumprod(x, axis=axis),
        lambda x: numpy.cumprod(x, axis=axis), (x,))
