import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _p(shape, dtype, seed=0):
    return _checks.rng(seed).uniform(0.2, 0.8, shape).astype(dtype)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    p = _p(shape, dtype)
    x = _checks.rng(1).randint(1, 6, (2,) + shape).astype(dtype)
    _checks.check_log_prob(
        D.Geometric,
        lambda p, x: (x - 1) * numpy.log(1 - p) + numpy.log(p),
        (p,), x, x_differentiable=False)


def test_statistics():
    p = _p((2, 3), numpy.float32)
    p64 = numpy.float64(p)
    d = D.Geometric(p)
    _checks.assert_close(d.mean, 1 / p64, numpy.float32)
    _checks.assert_close(d.variance, (1 - p64) / p64 ** 2, numpy.float32)
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == 'positive integer'
    assert list(d.params) == ['p']


def test_sampling():
    p = _p((2, 3), numpy.float32)
    d = D.Geometric(p)
    _checks.check_sample_shapes(d)
    samples = d.sample(10).array
    assert samples.dtype == numpy.float32
    assert samples.min() >= 1
    _checks.check_sample_moments(d, d.mean.array, d.variance.array)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    p1, p2 = _p((2, 3), dtype), _p((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Geometric(p1), D.Geometric(p2))
    _checks.check_function(
        lambda p1, p2: chainer_lite.kl_divergence(D.Geometric(p1),
                                                  D.Geometric(p2)),
        lambda p1, p2: ((1 / p1 - 1) * numpy.log((1 - p1) / (1 - p2))
                        + numpy.log(p1 / p2)),
        (p1, p2))
