"""F.floor, F.ceil, F.fix and F.sign: values, dtypes, no gradient."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('func, reference', [
    (F.floor, numpy.floor), (F.ceil, numpy.ceil), (F.fix, numpy.fix),
    (F.sign, numpy.sign)])
@pytest.mark.parametrize('shape', [(), (2, 3)])
def test_rounding(dtype, func, reference, shape):
    x = numpy.random.RandomState(0).uniform(-3, 3, shape).astype(dtype)
    v = chainer_lite.Variable(x)
    y = func(v)
    assert isinstance(y, chainer_lite.Variable)
    assert y.dtype == dtype
    assert y.shape == shape
    assert y.creator is None  # outside the graph: no gradient
    numpy.testing.assert_array_equal(y.array, reference(x))
    numpy.testing.assert_array_equal(func(x).array, reference(x))
