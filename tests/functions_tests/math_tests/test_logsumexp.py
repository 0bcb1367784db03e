"""F.logsumexp."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients

from . import _axes


def _logsumexp(x, axis):
    m = x.max(axis=axis, keepdims=True)
    s = numpy.log(numpy.exp(x - m).sum(axis=axis, keepdims=True)) + m
    return numpy.asarray(s.squeeze(axis=axis) if axis is not None
                         else s.reshape(()))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_logsumexp(dtype, data):
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1),
                                    ranges=(-3, 3)))
    axis = data.draw(_axes.axes(x.ndim))
    gradients.check_function(
        lambda x: F.logsumexp(x, axis=axis),
        lambda x: _logsumexp(x, axis), (x,))


def test_logsumexp_large_inputs():
    y = F.logsumexp(numpy.array([1000.0, 1000.0]))
    numpy.testing.assert_allclose(y.array, 1000.0 + numpy.log(2))


@pytest.mark.parametrize('axis, error', [((0, 0), ValueError),
                                         (1.5, TypeError)])
def test_logsumexp_invalid_axis(axis, error):
    with pytest.raises(error):
        F.logsumexp(numpy.zeros((2, 3), numpy.float32), axis=axis)
