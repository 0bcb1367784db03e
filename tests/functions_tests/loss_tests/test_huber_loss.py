"""F.huber_loss."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _huber(x, t, delta, reduce):
    a = numpy.abs(x - t)
    loss = numpy.where(a <= delta, 0.5 * a ** 2, delta * (a - 0.5 * delta))
    return loss.sum(axis=1) if reduce == 'sum_along_second_axis' else loss


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['no', 'sum_along_second_axis'])
@hypothesis.given(data=st.data())
def test_huber_loss(dtype, reduce, data):
    delta = 1.0
    x, t = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(2, min_dims=2), ranges=[(-3, 3), (0, 0)],
        avoid=[[-delta, delta], []]))
    gradients.check_function(
        lambda x, t: F.huber_loss(x, t, delta, reduce),
        lambda x, t: _huber(x, t, delta, reduce), (x, t))


def test_invalid_reduce():
    x = numpy.zeros((1, 1), numpy.float32)
    with pytest.raises(ValueError):
        F.huber_loss(x, x, 1.0, reduce='mean')
