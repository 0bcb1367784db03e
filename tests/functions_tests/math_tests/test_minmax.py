"""F.max, F.min, F.argmax and F.argmin."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

from . import _axes


def _distinct(shape, dtype, seed):
    rng = numpy.random.RandomState(seed)
    n = int(numpy.prod(shape))
    return numpy.asarray(
        rng.permutation(n).reshape(shape) * 0.1 - 0.05 * n).astype(dtype)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('func, reference', [
    (F.max, numpy.max), (F.min, numpy.min)])
@hypothesis.given(data=st.data())
def test_max_min(dtype, func, reference, data):
    shape = data.draw(gradients.shapes())
    x = _distinct(shape, dtype, data.draw(st.integers(0, 1000)))
    axis = data.draw(_axes.axes(x.ndim))
    keepdims = data.draw(st.booleans())
    gradients.check_function(
        lambda x: func(x, axis=axis, keepdims=keepdims),
        lambda x: numpy.asarray(reference(x, axis=axis, keepdims=keepdims)),
        (x,))


@pytest.mark.parametrize('func, reference', [
    (F.argmax, numpy.argmax), (F.argmin, numpy.argmin)])
@pytest.mark.parametrize('axis', [None, 0, 1, -1])
def test_argmax_argmin(func, reference, axis):
    x = _distinct((3, 4), numpy.float32, 0)
    y = func(x, axis=axis)
    assert y.dtype == numpy.int32
    numpy.testing.assert_array_equal(y.array, reference(x, axis=axis))


def test_max_gradient_is_shared_by_ties():
    import chainer_lite
    x = chainer_lite.Variable(numpy.array([1.0, 3.0, 3.0]))
    y = F.max(x)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [0.0, 1.0, 1.0])


@pytest.mark.parametrize('axis, error', [
    ((0, 0), ValueError), ('a', TypeError), (2, type_check.InvalidType),
    (-3, type_check.InvalidType)])
def test_max_invalid_axis(axis, error):
    with pytest.raises(error):
        F.max(numpy.zeros((2, 3), numpy.float32), axis=axis)


def test_argmax_axis_must_be_int():
    with pytest.raises(TypeError):
        F.argmax(numpy.zeros((2, 3), numpy.float32), axis=(0,))
