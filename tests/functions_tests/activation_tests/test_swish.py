"""F.swish with beta over the leading non-batch axes."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _swish(x, beta):
    beta = beta.reshape((1,) + beta.shape + (1,) * (x.ndim - beta.ndim - 1))
    return x / (1 + numpy.exp(-beta * x))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('x_shape, beta_shape', [
    ((4, 3), (3,)),
    ((2, 3, 2), (3,)),
    ((2, 3, 2), (3, 2)),
    ((3, 2), ()),
])
def test_swish(dtype, x_shape, beta_shape):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    beta = rng.uniform(-1, 1, beta_shape).astype(dtype)
    gradients.check_function(F.swish, _swish, (x, beta))


def test_swish_beta_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        F.swish(numpy.zeros((2, 3), numpy.float32),
                numpy.zeros((2,), numpy.float32))
