"""F.binary_accuracy: sign predictions against 0/1 labels."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_binary_accuracy_matches_reference(dtype, data):
    shape = data.draw(gradients.shapes(min_dims=1))
    y = data.draw(gradients.arrays(dtype, shape))
    t = data.draw(gradients.arrays(numpy.float64, shape)).round()
    t = t.astype(numpy.int32)  # -1, 0 or 1
    acc = F.binary_accuracy(y, t)
    keep = t != -1
    expected = ((y >= 0) == t)[keep].sum() / max(1, keep.sum())
    assert acc.dtype == dtype
    numpy.testing.assert_allclose(acc.array, expected, rtol=1e-3)


def test_shape_must_match():
    with pytest.raises(type_check.InvalidType):
        F.binary_accuracy(numpy.zeros((2, 3), numpy.float32),
                          numpy.zeros((2,), numpy.int32))
