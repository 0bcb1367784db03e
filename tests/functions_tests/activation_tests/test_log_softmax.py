"""F.log_softmax along any axis, and the raw helper the losses use."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.activation import log_softmax
from helpers import gradients


def _log_softmax(x, axis):
    m = x.max(axis=axis, keepdims=True)
    return x - m - numpy.log(numpy.exp(x - m).sum(axis=axis, keepdims=True))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_log_softmax(dtype, data):
    x, = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(1, min_dims=1), ranges=(-3, 3)))
    axis = data.draw(st.integers(-x.ndim, x.ndim - 1))
    gradients.check_function(
        lambda x: F.log_softmax(x, axis=axis),
        lambda x: _log_softmax(x, axis), (x,))


def test_log_softmax_stays_finite_where_softmax_underflows():
    x = numpy.array([[0.0, -1000.0]])
    numpy.testing.assert_allclose(F.log_softmax(x).array, [[0.0, -1000.0]])


def test_raw_log_softmax():
    x = numpy.random.RandomState(0).randn(3, 4).astype(numpy.float32)
    y = log_softmax._log_softmax(x)
    assert isinstance(y, numpy.ndarray) and y.dtype == numpy.float32
    numpy.testing.assert_allclose(y, _log_softmax(x, 1), rtol=1e-5)


def test_log_softmax_rejects_int():
    # A failing check ends in a RuntimeError, as in Chainer (see
    # test_softmax.py).
    with pytest.raises(RuntimeError):
        F.log_softmax(numpy.zeros((2, 3), numpy.int32))
