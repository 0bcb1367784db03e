"""F.diagonal: (batched) diagonals and their gradients."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_diagonal(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=2, max_dims=4)))
    axes = st.integers(-x.ndim, x.ndim - 1)
    axis1 = data.draw(axes)
    axis2 = data.draw(axes.filter(lambda a: a % x.ndim != axis1 % x.ndim))
    offset = data.draw(st.integers(-2, 2))
    gradients.check_function(
        lambda x: F.diagonal(x, offset, axis1, axis2),
        lambda x: numpy.diagonal(x, offset, axis1, axis2).copy(), (x,))


@pytest.mark.parametrize('axis1,axis2', [(0, 2), (-3, 1)])
def test_invalid_axes(axis1, axis2):
    with pytest.raises(type_check.InvalidType):
        F.diagonal(numpy.zeros((2, 2), 'f'), 0, axis1, axis2)
