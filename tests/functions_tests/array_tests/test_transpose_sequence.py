"""F.transpose_sequence: batch of sequences to sequence of batches."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _reference(*xs):
    length = len(xs[0])
    return tuple(numpy.stack([x[t] for x in xs if len(x) > t])
                 for t in range(length))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_transpose_sequence(dtype, data):
    unit = data.draw(gradients.shapes(max_dims=2, max_side=3))
    lengths = sorted(data.draw(st.lists(st.integers(0, 4), min_size=1,
                                        max_size=4)), reverse=True)
    hypothesis.assume(lengths[0] > 0)
    xs = data.draw(gradients.inputs(
        dtype, st.just(tuple((n,) + unit for n in lengths))))
    gradients.check_function(
        lambda *xs: F.transpose_sequence(xs), _reference, xs)


def test_example():
    xs = [numpy.array([0, 1, 2, 3]), numpy.array([4, 5]), numpy.array([6])]
    ys = F.transpose_sequence(xs)
    assert [y.array.tolist() for y in ys] == [[0, 4, 6], [1, 5], [2], [3]]


def test_empty():
    assert F.transpose_sequence([]) == ()
    assert F.transpose_sequence([numpy.zeros(0), numpy.zeros(0)]) == ()


def test_unused_outputs_get_zero_gradient():
    xs = [chainer_lite.Variable(numpy.ones(3)), chainer_lite.Variable(
        numpy.ones(1))]
    ys = F.transpose_sequence(xs)
    F.sum(ys[1]).backward()
    assert xs[0].grad.tolist() == [0, 1, 0]
    assert xs[1].grad.tolist() == [0]


def test_unsorted_rejected():
    with pytest.raises(type_check.InvalidType):
        F.transpose_sequence([numpy.zeros(1), numpy.zeros(2)])
