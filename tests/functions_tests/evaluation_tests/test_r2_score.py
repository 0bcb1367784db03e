"""F.r2_score."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _r2(pred, true):
    ss_res = ((pred - true) ** 2).sum(axis=0)
    ss_tot = ((true - true.mean(axis=0)) ** 2).sum(axis=0)
    with numpy.errstate(divide='ignore', invalid='ignore'):
        return numpy.where(ss_tot == 0, 0.0, 1 - ss_res / ss_tot)


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
@hypothesis.given(data=st.data())
def test_r2_matches_reference(dtype, data):
    shape = data.draw(gradients.shapes(min_dims=1, max_dims=2, min_side=2))
    pred, true = data.draw(gradients.inputs(
        dtype, st.just((shape, shape))))
    raw = F.r2_score(pred, true, multioutput='raw_values')
    expected = _r2(pred.astype(numpy.float64), true.astype(numpy.float64))
    numpy.testing.assert_allclose(raw.array, expected, rtol=1e-3, atol=1e-3)
    mean = F.r2_score(pred, true)
    assert mean.dtype == dtype
    numpy.testing.assert_allclose(mean.array, expected.mean(), rtol=1e-3,
                                  atol=1e-3)


def test_constant_column_scores_zero():
    true = numpy.ones((3, 1), numpy.float32)
    assert float(F.r2_score(true * 2, true).array) == 0.0


def test_options():
    x = numpy.zeros((2, 2), numpy.float32)
    with pytest.raises(NotImplementedError):
        F.r2_score(x, x, sample_weight=x)
    with pytest.raises(ValueError):
        F.r2_score(x, x, multioutput='variance_weighted')
