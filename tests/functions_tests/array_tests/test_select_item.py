"""F.select_item: one element per row, and its gradients."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('t_dtype', [numpy.int8, numpy.int32, numpy.int64])
@hypothesis.given(data=st.data())
def test_select_item(dtype, t_dtype, data):
    n = data.draw(st.integers(0, 4))
    m = data.draw(st.integers(1, 4))
    x, = data.draw(gradients.inputs(dtype, st.just(((n, m),))))
    t = numpy.array(data.draw(st.lists(st.integers(0, m - 1), min_size=n,
                                       max_size=n)), dtype=t_dtype)
    gradients.check_function(
        F.select_item, lambda x, t: x[numpy.arange(n), t], (x, t))


def test_gradient_goes_to_selected_elements_only():
    x = chainer_lite.Variable(numpy.zeros((2, 3), numpy.float32))
    t = numpy.array([2, 0], numpy.int32)
    y = F.select_item(x, t)
    y.grad = numpy.array([1.0, 2.0], numpy.float32)
    y.backward()
    assert x.grad.tolist() == [[0, 0, 1], [2, 0, 0]]


@pytest.mark.parametrize('x,t', [
    (numpy.zeros((2, 3), 'f'), numpy.zeros(2, 'f')),
    (numpy.zeros((2, 3), 'f'), numpy.zeros(3, 'i')),
    (numpy.zeros(3, 'f'), numpy.zeros(3, 'i')),
    (numpy.zeros((2, 3), 'f'), numpy.zeros((2, 1), 'i')),
])
def test_invalid_types(x, t):
    with pytest.raises(type_check.InvalidType):
        F.select_item(x, t)


@pytest.mark.parametrize('value', [-1, 3])
def test_out_of_range_label_in_debug_mode(value):
    x = numpy.zeros((1, 3), numpy.float32)
    with chainer_lite.using_config('debug', True):
        with pytest.raises(ValueError):
            F.select_item(x, numpy.array([value], numpy.int32))
