"""F.tensordot."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('a_shape, b_shape, axes', [
    ((3, 4, 2), (4, 2, 5), 2),
    ((3, 4), (4, 5), 1),
    ((2, 3), (4,), 0),
    ((3, 4, 2), (2, 5, 3), ((0, 2), (2, 0))),
    ((3, 4), (5, 3), (0, 1)),
    ((3, 4), (3, 4), ([0, 1], [0, 1])),
])
def test_tensordot(dtype, a_shape, b_shape, axes):
    rng = numpy.random.RandomState(0)
    a = rng.uniform(-1, 1, a_shape).astype(dtype)
    b = rng.uniform(-1, 1, b_shape).astype(dtype)
    gradients.check_function(
        lambda a, b: F.tensordot(a, b, axes=axes),
        lambda a, b: numpy.asarray(numpy.tensordot(a, b, axes=axes)), (a, b),
        tolerances={'forward': {'atol': 1e-2}})


@pytest.mark.parametrize('axes, error', [
    (2, ValueError),
    (((1, 2), (0, 1)), ValueError),
    (((1, 2), (0,)), ValueError),
    (((), (), ()), ValueError),
    (1.0, TypeError),
])
def test_tensordot_invalid(axes, error):
    a = numpy.zeros((4, 3, 2), numpy.float32)
    b = numpy.zeros((2, 3, 5), numpy.float32)
    with pytest.raises(error):
        F.tensordot(a, b, axes=axes)
