"""F.fmod."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_fmod(dtype):
    rng = numpy.random.RandomState(0)
    divisor = rng.uniform(1, 2, (3, 4)) * rng.choice([-1, 1], (3, 4))
    # x / divisor stays away from integers, where fmod jumps.
    quotient = rng.randint(-3, 3, (3, 4)) + rng.uniform(0.2, 0.8, (3, 4))
    x = quotient * divisor
    gradients.check_function(
        F.fmod, numpy.fmod, (x.astype(dtype), divisor.astype(dtype)))


def test_fmod_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        F.fmod(numpy.ones(2, numpy.float32), numpy.ones(2, numpy.float64))
