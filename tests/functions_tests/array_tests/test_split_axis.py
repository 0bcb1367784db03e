"""F.split_axis: forward against numpy.split, gradients, argument checks."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


@st.composite
def _split(draw):
    shape = draw(gradients.shapes(min_dims=1, max_side=6))
    axis = draw(st.integers(-len(shape), len(shape) - 1))
    size = shape[axis]
    if draw(st.booleans()):
        divisors = [d for d in range(1, size + 1) if size % d == 0]
        spec = draw(st.sampled_from(divisors))
    else:
        spec = sorted(draw(st.lists(st.integers(0, size), max_size=3)))
    return shape, axis, spec


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_split_axis(dtype, data):
    shape, axis, spec = data.draw(_split())
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    gradients.check_function(
        lambda x: F.split_axis(x, spec, axis),
        lambda x: tuple(numpy.split(x, spec, axis)), (x,))


def test_force_tuple():
    x = numpy.zeros((2, 3), 'f')
    assert isinstance(F.split_axis(x, 1, 1), tuple)
    y = F.split_axis(x, 1, 1, force_tuple=False)
    assert isinstance(y, chainer_lite.Variable) and y.shape == (2, 3)


def test_indices_as_ndarray():
    x = numpy.arange(10.0)
    ys = F.split_axis(x, numpy.array([2, 5]), 0)
    assert [y.shape for y in ys] == [(2,), (3,), (5,)]
    assert len(F.split_axis(x, numpy.array([]), 0)) == 1


@pytest.mark.parametrize('spec', [1.5, numpy.array([1.0, 2.0]),
                                  numpy.zeros((1, 1), 'i')])
def test_invalid_indices_or_sections(spec):
    with pytest.raises(TypeError):
        F.split_axis(numpy.zeros(4, 'f'), spec, 0)


def test_unsorted_indices_rejected_in_debug_mode():
    with chainer_lite.using_config('debug', True):
        with pytest.raises(ValueError):
            F.split_axis(numpy.zeros((2, 3, 4), 'f'), [2, 1], 1)


def test_missing_output_gradients_count_as_zero():
    x = chainer_lite.Variable(numpy.arange(6.0))
    a, b, c = F.split_axis(x, 3, 0)
    F.sum(b * 2.0).backward()
    assert x.grad.tolist() == [0, 0, 2, 2, 0, 0]
