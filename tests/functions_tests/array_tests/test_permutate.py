"""F.permutate: reordering along an axis, inverse mode, index checks."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_permutate(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1)))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    indices = numpy.array(data.draw(st.permutations(range(x.shape[axis]))),
                          numpy.int32)
    inv = data.draw(st.booleans())
    order = numpy.argsort(indices) if inv else indices
    gradients.check_function(
        lambda x: F.permutate(x, indices, axis, inv),
        lambda x: numpy.take(x, order, axis), (x,))


def test_indices_as_variable():
    x = numpy.arange(3.0)
    y = F.permutate(x, chainer_lite.Variable(numpy.array([2, 0, 1])))
    assert y.array.tolist() == [2.0, 0.0, 1.0]


@pytest.mark.parametrize('indices', [numpy.array([0.0, 1.0]),
                                     numpy.array([[0, 1]])])
def test_indices_must_be_1d_ints(indices):
    with pytest.raises(ValueError):
        F.permutate(numpy.zeros(2, 'f'), indices)


@pytest.mark.parametrize('indices', [[0, 0], [-1, 0], [0, 2]])
def test_invalid_permutation_in_debug_mode(indices):
    with chainer_lite.using_config('debug', True):
        with pytest.raises(ValueError):
            F.permutate(numpy.zeros((2, 5), 'f'), numpy.array(indices, 'i'))
