"""F.repeat and F.tile."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_repeat(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1)))
    axis = data.draw(st.one_of(st.none(), st.integers(-x.ndim, x.ndim - 1))
                     if x.ndim else st.none())
    n = x.size if axis is None else x.shape[axis]
    repeats = data.draw(st.one_of(
        st.integers(0, 3),
        st.tuples(st.integers(0, 3)),
        st.lists(st.integers(0, 3), min_size=n, max_size=n).map(tuple)))
    gradients.check_function(
        lambda x: F.repeat(x, repeats, axis),
        lambda x: numpy.repeat(x, repeats, axis), (x,))


@pytest.mark.parametrize('repeats,axis,error', [
    (-1, None, ValueError), ((1, -1), None, ValueError),
    ('a', None, TypeError), (1.0, None, TypeError),
    (1, 'a', TypeError), (1, True, TypeError)])
def test_repeat_invalid_arguments(repeats, axis, error):
    with pytest.raises(error):
        F.repeat(numpy.zeros(2, 'f'), repeats, axis)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_tile(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1)))
    reps = data.draw(st.one_of(
        st.integers(0, 3),
        st.lists(st.integers(0, 3), max_size=4).map(tuple)))
    gradients.check_function(
        lambda x: F.tile(x, reps), lambda x: numpy.tile(x, reps), (x,))


@pytest.mark.parametrize('reps,error', [
    (-1, ValueError), ((1, -2), ValueError), (1.0, TypeError),
    ([1, 2], TypeError)])
def test_tile_invalid_reps(reps, error):
    with pytest.raises(error):
        F.tile(numpy.zeros(2, 'f'), reps)
