"""F.rrelu: random slopes in training, their mean in test mode."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_rrelu_with_given_r(dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (3, 4))
    x[numpy.abs(x) < 0.1] = 0.5
    r = rng.uniform(0.1, 0.3, (3, 4)).astype(dtype)
    gradients.check_function(
        lambda x: F.rrelu(x, r=r), lambda x: numpy.where(x >= 0, x, x * r),
        (x.astype(dtype),))


def test_rrelu_samples_r_in_training():
    x = -numpy.ones((100,), numpy.float32)
    y, r = F.rrelu(x, l=0.1, u=0.3, return_r=True)
    assert r.shape == x.shape and r.dtype == x.dtype
    assert ((0.1 <= r) & (r <= 0.3)).all()
    numpy.testing.assert_allclose(y.array, -r)


def test_rrelu_test_mode_uses_the_mean():
    x = numpy.array([-1.0, 2.0], numpy.float32)
    with chainer_lite.using_config('train', False):
        y = F.rrelu(x, l=0.1, u=0.3)
    numpy.testing.assert_allclose(y.array, [-0.2, 2.0])


def test_rrelu_rejects_train_argument():
    with pytest.raises(ValueError):
        F.rrelu(numpy.zeros(2, numpy.float32), train=True)


@pytest.mark.parametrize('l, u', [(-0.1, 0.3), (0.1, 1.0), (0.3, 0.1)])
def test_rrelu_invalid_bounds(l, u):
    with pytest.raises(ValueError):
        F.rrelu(numpy.zeros(2, numpy.float32), l=l, u=u)
