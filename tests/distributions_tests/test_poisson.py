import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    rng = _checks.rng()
    lam = rng.uniform(0.5, 5, shape).astype(dtype)
    x = rng.randint(0, 8, (2,) + shape).astype(numpy.int32)
    _checks.check_log_prob(
        D.Poisson,
        lambda lam, x: x * numpy.log(lam) - lam - S.gammaln(x + 1),
        (lam,), x, x_differentiable=False)


def test_statistics():
    lam = _checks.rng().uniform(0.5, 5, (2, 3)).astype(numpy.float32)
    d = D.Poisson(lam)
    _checks.assert_close(d.mean, lam, numpy.float32)
    _checks.assert_close(d.variance, lam, numpy.float32)
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == 'non negative integer'
    assert list(d.params) == ['lam']


def test_sampling():
    lam = _checks.rng().uniform(0.5, 5, (2, 3)).astype(numpy.float32)
    d = D.Poisson(lam)
    _checks.check_sample_shapes(d)
    samples = d.sample(10).array
    assert samples.dtype == numpy.float32
    assert numpy.all(samples == numpy.round(samples))
    _checks.check_sample_moments(d, lam, lam)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    rng = _checks.rng()
    lam1 = rng.uniform(1, 5, (2, 3)).astype(dtype)
    lam2 = rng.uniform(1, 5, (2, 3)).astype(dtype)
    _checks.check_kl_by_sampling(D.Poisson(lam1), D.Poisson(lam2))
    _checks.check_function(
        lambda l1, l2: chainer_lite.kl_divergence(D.Poisson(l1),
                                                  D.Poisson(l2)),
        lambda l1, l2: l1 * numpy.log(l1 / l2) - l1 + l2, (lam1, lam2))
