"""F.where: selection by a boolean condition, with broadcasting."""
import hypothesis
import hypothesis.strategies as st
import hypothesis.extra.numpy as hnp
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_where(dtype, data):
    c_shape, x_shape, y_shape = data.draw(gradients.broadcastable_shapes(3))
    condition = data.draw(hnp.arrays(numpy.bool_, c_shape))
    x, y = data.draw(gradients.inputs(dtype, st.just((x_shape, y_shape))))
    gradients.check_function(
        lambda x, y: F.where(condition, x, y),
        lambda x, y: numpy.where(condition, x, y), (x, y))


def test_condition_as_variable_and_scalar():
    x = numpy.array([1.0, 2.0], 'f')
    y = numpy.array([3.0, 4.0], 'f')
    c = chainer_lite.Variable(numpy.array([True, False]))
    assert F.where(c, x, y).array.tolist() == [1.0, 4.0]
    assert F.where(numpy.bool_(False), x, y).array.tolist() == [3.0, 4.0]


@pytest.mark.parametrize('c,x,y', [
    (numpy.array([1, 0]), numpy.zeros(2, 'f'), numpy.zeros(2, 'f')),
    (numpy.array([True]), numpy.zeros(2, 'f'), numpy.zeros(2, 'd')),
    (numpy.array([True, False]), numpy.zeros(3, 'f'), numpy.zeros(3, 'f')),
])
def test_invalid(c, x, y):
    with pytest.raises(type_check.InvalidType):
        F.where(c, x, y)
