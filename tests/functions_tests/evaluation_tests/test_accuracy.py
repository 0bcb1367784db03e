"""F.accuracy: arg-max predictions against labels, with an ignore label."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _accuracy(y, t, ignore_label=None):
    pred = y.argmax(axis=1).reshape(t.shape)
    keep = (numpy.ones(t.shape, bool) if ignore_label is None
            else t != ignore_label)
    if keep.sum() == 0:
        return 0.0
    return (pred == t)[keep].mean()


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_accuracy_matches_reference(dtype, data):
    n = data.draw(st.integers(1, 6))
    c = data.draw(st.integers(1, 4))
    extra = data.draw(st.lists(st.integers(1, 3), max_size=2))
    y = data.draw(gradients.arrays(dtype, (n, c) + tuple(extra)))
    t = numpy.array(data.draw(st.lists(
        st.integers(-1, c - 1), min_size=n * int(numpy.prod(extra)),
        max_size=n * int(numpy.prod(extra))))).astype(numpy.int32).reshape(
            (n,) + tuple(extra))
    ignore = data.draw(st.sampled_from([None, -1]))
    acc = F.accuracy(y, t, ignore_label=ignore)
    assert acc.dtype == dtype and acc.shape == ()
    numpy.testing.assert_allclose(acc.array, _accuracy(y, t, ignore),
                                  rtol=1e-3)


def test_trailing_singleton_axes_of_y():
    y = numpy.array([[[0.1], [0.9]], [[0.8], [0.2]]], numpy.float32)
    t = numpy.array([1, 1], numpy.int32)
    assert float(F.accuracy(y, t).array) == 0.5


def test_all_ignored_gives_zero():
    y = numpy.zeros((2, 3), numpy.float32)
    t = numpy.array([2, 2], numpy.int32)
    assert float(F.accuracy(y, t, ignore_label=2).array) == 0.0


def test_accuracy_is_not_differentiable():
    y = chainer_lite.Variable(numpy.random.rand(3, 2).astype(numpy.float32))
    acc = F.accuracy(y, numpy.array([0, 1, 0], numpy.int32))
    acc.backward()
    assert y.grad is None


@pytest.mark.parametrize('y_dtype, t_dtype', [
    (numpy.int32, numpy.int32), (numpy.float32, numpy.float32)])
def test_type_errors(y_dtype, t_dtype):
    y = numpy.zeros((2, 3), y_dtype)
    t = numpy.zeros((2,), t_dtype)
    with pytest.raises(type_check.InvalidType):
        F.accuracy(y, t)


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        F.accuracy(numpy.zeros((2, 3), numpy.float32),
                   numpy.zeros((3,), numpy.int32))
