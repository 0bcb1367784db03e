"""F.prelu with slopes over the leading non-batch axes."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _prelu(x, W):
    W = W.reshape((1,) + W.shape + (1,) * (x.ndim - W.ndim - 1))
    return numpy.where(x >= 0, x, x * W)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('x_shape, W_shape', [
    ((4, 3), (3,)),
    ((2, 3, 2), (3,)),
    ((2, 3, 2), (3, 2)),
    ((3, 2), ()),
])
def test_prelu(dtype, x_shape, W_shape):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, x_shape)
    x[numpy.abs(x) < 0.1] = 0.5  # away from the kink
    W = rng.uniform(-1, 1, W_shape)
    gradients.check_function(
        F.prelu, _prelu, (x.astype(dtype), W.astype(dtype)))


def test_prelu_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        F.prelu(numpy.zeros((2, 3), numpy.float32),
                numpy.zeros((4,), numpy.float32))
