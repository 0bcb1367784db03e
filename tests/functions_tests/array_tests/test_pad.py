"""F.pad and F.pad_sequence."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@st.composite
def _pad_width(draw, ndim):
    widths = st.integers(0, 2)
    form = draw(st.sampled_from(['int', 'pair', 'per_axis']))
    if form == 'int':
        return draw(widths)
    if form == 'pair':
        return (draw(widths), draw(widths))
    return tuple((draw(widths), draw(widths)) for _ in range(ndim))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('mode,keywords', [
    ('constant', {}), ('constant', {'constant_values': 0.5}),
    ('edge', {}), ('reflect', {})])
@hypothesis.given(data=st.data())
def test_pad(dtype, mode, keywords, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1, min_side=3)))
    pad_width = data.draw(_pad_width(x.ndim))
    gradients.check_function(
        lambda x: F.pad(x, pad_width, mode, **keywords),
        lambda x: numpy.pad(x, pad_width, mode, **keywords), (x,),
        # Only the window of the input gets a gradient, whatever the mode.
        backward=mode == 'constant', double_backward=mode == 'constant')


def test_pad_gradient_is_the_input_window():
    x = chainer_lite.Variable(numpy.zeros((2, 2), numpy.float32))
    y = F.pad(x, ((1, 0), (0, 2)), 'edge')
    y.grad = numpy.arange(12, dtype=numpy.float32).reshape(3, 4)
    y.backward()
    assert x.grad.tolist() == [[4, 5], [8, 9]]


def test_pad_requires_float():
    with pytest.raises(type_check.InvalidType):
        F.pad(numpy.zeros(2, 'i'), 1, 'constant')


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_pad_sequence(dtype, data):
    unit = data.draw(gradients.shapes(max_dims=2, max_side=3))
    lengths = data.draw(st.lists(st.integers(0, 4), min_size=1, max_size=3))
    hypothesis.assume(max(lengths) > 0)
    length = data.draw(st.sampled_from([None, max(lengths) + 1]))
    padding = data.draw(st.sampled_from([0, -1.5]))
    xs = data.draw(gradients.inputs(
        dtype, st.just(tuple((n,) + unit for n in lengths))))
    total = max(lengths) if length is None else length

    def reference(*xs):
        y = numpy.full((len(xs), total) + unit, padding, numpy.float64)
        for i, x in enumerate(xs):
            y[i, :len(x)] = x
        return y

    gradients.check_function(
        lambda *xs: F.pad_sequence(xs, length, padding), reference, xs)


def test_pad_sequence_of_ints():
    y = F.pad_sequence([numpy.array([1, 2, 3]), numpy.array([4])], length=4,
                       padding=-1)
    assert y.array.tolist() == [[1, 2, 3, -1], [4, -1, -1, -1]]


@pytest.mark.parametrize('xs,length', [
    ([numpy.zeros(3, 'f'), numpy.zeros(2, 'd')], None),
    ([numpy.zeros((3, 2), 'f'), numpy.zeros((2, 3), 'f')], None),
    ([numpy.zeros((), 'f')], None),
    ([numpy.zeros(3, 'f')], 2),
])
def test_pad_sequence_invalid(xs, length):
    with pytest.raises(type_check.InvalidType):
        F.pad_sequence(xs, length)
