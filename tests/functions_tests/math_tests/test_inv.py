"""F.inv and F.batch_inv."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('batched', [False, True])
def test_inv(dtype, batched):
    rng = numpy.random.RandomState(0)
    shape = (2, 3, 3) if batched else (3, 3)
    x = (rng.uniform(-1, 1, shape) + 3 * numpy.eye(3)).astype(dtype)
    gradients.check_function(
        F.batch_inv if batched else F.inv, numpy.linalg.inv, (x,),
        tolerances={'forward': {'rtol': 1e-2}})


@pytest.mark.parametrize('func, shape', [(F.inv, (2, 2)),
                                         (F.batch_inv, (2, 2, 2))])
def test_singular_matrix(func, shape):
    with pytest.raises(ValueError):
        func(numpy.zeros(shape, numpy.float32))


@pytest.mark.parametrize('func, shape', [(F.inv, (2, 3)),
                                         (F.inv, (2, 2, 2)),
                                         (F.batch_inv, (2, 2))])
def test_invalid_shape(func, shape):
    with pytest.raises(type_check.InvalidType):
        func(numpy.zeros(shape, numpy.float32))
