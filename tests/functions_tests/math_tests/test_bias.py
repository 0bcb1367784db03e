"""F.bias and F.scale: Caffe-style broadcasting from an axis."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _expand(y, x_ndim, axis):
    return y.reshape((1,) * axis + y.shape + (1,) * (x_ndim - axis - y.ndim))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('func, op', [(F.bias, numpy.add),
                                      (F.scale, numpy.multiply)])
@pytest.mark.parametrize('x_shape, y_shape, axis', [
    ((2, 3, 4), (3,), 1),
    ((2, 3, 4), (3, 4), 1),
    ((2, 3, 4), (2,), 0),
    ((2, 3, 4), (4,), 2),
])
def test_bias_scale(dtype, func, op, x_shape, y_shape, axis):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    y = rng.uniform(-1, 1, y_shape).astype(dtype)
    gradients.check_function(
        lambda x, y: func(x, y, axis=axis),
        lambda x, y: op(x, _expand(y, x.ndim, axis)), (x, y))
