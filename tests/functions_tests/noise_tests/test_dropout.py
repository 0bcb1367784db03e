"""F.dropout."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.functions.noise import dropout
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_dropout_with_a_fixed_mask(dtype, data):
    shape = data.draw(gradients.shapes())
    x = data.draw(gradients.arrays(dtype, shape))
    ratio = data.draw(st.sampled_from([0.0, 0.25, 0.5, 0.9]))
    node = dropout.Dropout(ratio)
    y, = node.apply((x,))  # draws the mask reused below
    mask = node.mask
    assert mask.dtype == dtype and y.dtype == dtype
    kept = mask != 0
    numpy.testing.assert_allclose(
        mask[kept], numpy.full(kept.sum(), 1 / (1 - ratio), dtype))
    gradients.check_function(
        lambda x: node.apply((x,))[0], lambda x: x * mask, (x,))


def test_mask_is_reproducible_with_numpy_seed():
    x = numpy.ones((4, 5), numpy.float32)
    numpy.random.seed(3)
    y1 = F.dropout(x).array
    numpy.random.seed(3)
    y2 = F.dropout(x).array
    numpy.testing.assert_array_equal(y1, y2)
    numpy.random.seed(3)
    expected = (numpy.random.rand(4, 5) >= 0.5) * 2
    numpy.testing.assert_array_equal(y1, expected)


def test_mask_argument_and_return_mask():
    x = numpy.arange(4, dtype=numpy.float32)
    mask = numpy.array([0, 2, 2, 0], numpy.float32)
    y, returned = F.dropout(x, 0.3, mask=mask, return_mask=True)
    assert returned is mask
    numpy.testing.assert_array_equal(y.array, x * mask)
    y, returned = F.dropout(x, return_mask=True)
    numpy.testing.assert_array_equal(y.array, x * returned)


def test_identity_outside_training():
    x = chainer_lite.Variable(numpy.ones(3, numpy.float32))
    with chainer_lite.using_config('train', False):
        y, mask = F.dropout(x, return_mask=True)
        assert y is x and mask is None
        assert isinstance(F.dropout(numpy.ones(2)), chainer_lite.Variable)


def test_errors():
    x = numpy.ones(2, numpy.float32)
    with pytest.raises(ValueError):
        F.dropout(x, 1.0)
    with pytest.raises(ValueError, match='train argument'):
        F.dropout(x, train=True)
    with pytest.raises(TypeError):
        F.dropout(x, foo=1)
