"""F.spatial_pyramid_pooling_2d: levels of max pooling, concatenated."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients

from . import naive


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('shape', [(2, 3, 9, 8), (1, 2, 4, 4), (1, 1, 6, 7)])
def test_spatial_pyramid_pooling_2d(dtype, shape):
    x = naive.distinct_values(shape, dtype, numpy.random.RandomState(0))

    def reference(x):
        n, c, h, w = x.shape
        levels = []
        for level in range(3):
            bins = 2 ** level
            kh, kw = -(-h // bins), -(-w // bins)
            pad = ((kh * bins - h) // 2, (kw * bins - w) // 2)
            y = naive.pool(x, (kh, kw), (kh, kw), pad, True,
                           lambda win: win.max(axis=-1))
            levels.append(y.reshape(n, -1))
        return numpy.concatenate(levels, axis=1)[:, :, None, None]

    gradients.check_function(
        lambda x: F.spatial_pyramid_pooling_2d(x, 3, pooling='max'),
        reference, (x,), tolerances={'backward': {'eps': 1e-2},
                                     'double_backward': {'eps': 1e-2}})


def test_errors():
    x = numpy.ones((1, 1, 4, 4), numpy.float32)
    for pooling in (None, 'avg'):
        with pytest.raises(ValueError, match='Unsupported pooling'):
            F.spatial_pyramid_pooling_2d(x, 2, pooling=pooling)
    with pytest.raises(type_check.InvalidType):
        F.spatial_pyramid_pooling_2d(x.astype(numpy.int32), 2, 'max')
