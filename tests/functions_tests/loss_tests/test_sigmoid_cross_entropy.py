"""F.sigmoid_cross_entropy."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _reference(x, t, normalize, reduce):
    p = 1 / (1 + numpy.exp(-x))
    loss = -(t * numpy.log(p) + (1 - t) * numpy.log(1 - p)) * (t != -1)
    if reduce == 'no':
        return loss
    count = (t != -1).sum() if normalize else len(x)
    return loss.sum() / max(count, 1)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('normalize', [True, False])
@pytest.mark.parametrize('reduce', ['mean', 'no'])
@hypothesis.given(data=st.data())
def test_sigmoid_cross_entropy(dtype, normalize, reduce, data):
    shape = data.draw(gradients.shapes(min_dims=1))
    x = data.draw(gradients.arrays(dtype, shape, -3, 3))
    t = data.draw(gradients.arrays(numpy.float64, shape, -1.4, 1.4))
    t = t.round().astype(numpy.int32)
    gradients.check_function(
        lambda x: F.sigmoid_cross_entropy(x, t, normalize, reduce),
        lambda x: _reference(x, t, normalize, reduce), (x,),
        tolerances={'double_backward': {'atol': 2e-2}})


def test_all_ignored_is_zero():
    x = numpy.array([[3.0, -2.0]], numpy.float32)
    t = numpy.full((1, 2), -1, numpy.int32)
    assert float(F.sigmoid_cross_entropy(x, t).array) == 0.0


def test_large_logits_stay_finite():
    x = numpy.array([[1000.0, -1000.0]], numpy.float32)
    t = numpy.array([[0, 1]], numpy.int32)
    loss = F.sigmoid_cross_entropy(x, t, reduce='no')
    numpy.testing.assert_allclose(loss.array, [[1000.0, 1000.0]])


def test_invalid_reduce():
    with pytest.raises(ValueError):
        F.sigmoid_cross_entropy(numpy.zeros((1, 1), numpy.float32),
                                numpy.zeros((1, 1), numpy.int32),
                                reduce='sum')
