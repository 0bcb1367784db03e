"""F.maxout: maximum over groups of units."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _distinct(shape, dtype, seed=0):
    # Well separated values, so that the maximum of a group is unique.
    rng = numpy.random.RandomState(seed)
    return (rng.permutation(int(numpy.prod(shape))).reshape(shape) * 0.1
            - 1).astype(dtype)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('shape, pool_size, axis', [
    ((2, 6), 3, 1),
    ((2, 4, 3), 2, 1),
    ((4, 2), 2, 0),
    ((2, 3, 4), 4, 2),
])
def test_maxout(dtype, shape, pool_size, axis):
    x = _distinct(shape, dtype)

    def reference(x):
        grouped = x.reshape(
            shape[:axis] + (shape[axis] // pool_size, pool_size) +
            shape[axis + 1:])
        return grouped.max(axis=axis + 1)

    gradients.check_function(
        lambda x: F.maxout(x, pool_size, axis), reference, (x,))


def test_axis_not_divisible():
    with pytest.raises(type_check.InvalidType):
        F.maxout(numpy.zeros((2, 5), numpy.float32), 2)


def test_pool_size_must_be_positive():
    with pytest.raises(ValueError):
        F.maxout(numpy.zeros((2, 4), numpy.float32), 0)
