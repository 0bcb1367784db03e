"""F.cross_covariance and F.decov."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _cov(y, z):
    yc = y - y.mean(axis=0)
    zc = z - z.mean(axis=0)
    return yc.T.dot(zc) / len(y)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['half_squared_sum', 'no'])
def test_cross_covariance(dtype, reduce):
    rng = numpy.random.RandomState(0)
    y = rng.uniform(-1, 1, (4, 3)).astype(dtype)
    z = rng.uniform(-1, 1, (4, 2)).astype(dtype)

    def reference(y, z):
        c = _cov(y, z)
        return 0.5 * (c ** 2).sum() if reduce == 'half_squared_sum' else c

    gradients.check_function(
        lambda y, z: F.cross_covariance(y, z, reduce), reference, (y, z),
        tolerances={'forward': {'atol': 1e-2}} if dtype == numpy.float16
        else None)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['half_squared_sum', 'no'])
def test_decov(dtype, reduce):
    rng = numpy.random.RandomState(1)
    h = rng.uniform(-1, 1, (4, 3)).astype(dtype)

    def reference(h):
        c = _cov(h, h) * (1 - numpy.eye(3))
        return 0.5 * (c ** 2).sum() if reduce == 'half_squared_sum' else c

    gradients.check_function(
        lambda h: F.decov(h, reduce), reference, (h,),
        tolerances={'forward': {'atol': 1e-2}} if dtype == numpy.float16
        else None)


@pytest.mark.parametrize('func, n', [(F.cross_covariance, 2), (F.decov, 1)])
def test_invalid_reduce(func, n):
    x = numpy.zeros((2, 2), numpy.float32)
    with pytest.raises(ValueError):
        func(*([x] * n), reduce='sum')
