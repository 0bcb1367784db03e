import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _lam(shape, dtype, seed=0):
    return _checks.rng(seed).uniform(0.5, 3, shape).astype(dtype)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    lam = _lam(shape, dtype)
    x = _checks.rng(1).uniform(0.1, 3, (2,) + shape).astype(dtype)
    _checks.check_log_prob(D.Exponential,
                           lambda lam, x: numpy.log(lam) - lam * x,
                           (lam,), x)


def test_log_prob_of_negative_points():
    d = D.Exponential(numpy.array([2., 2.], numpy.float32))
    lp = d.log_prob(numpy.array([-1., 1.], numpy.float32)).array
    assert lp[0] == -numpy.inf
    numpy.testing.assert_allclose(lp[1], numpy.log(2) - 2, rtol=1e-6)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_cdf_and_icdf(dtype):
    lam = _lam((2, 3), dtype)
    x = _checks.rng(1).uniform(0.1, 3, (2, 3)).astype(dtype)
    _checks.check_function(
        lambda lam, x: D.Exponential(lam).cdf(x),
        lambda lam, x: 1 - numpy.exp(-lam * x), (lam, x))
    u = _checks.rng(2).uniform(0.05, 0.95, (2, 3)).astype(dtype)
    _checks.check_function(
        lambda lam, u: D.Exponential(lam).icdf(u),
        lambda lam, u: -numpy.log(1 - u) / lam, (lam, u))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    lam = _lam((2, 3), dtype)
    lam64 = numpy.float64(lam)
    d = D.Exponential(lam)
    _checks.assert_close(d.mean, 1 / lam64, dtype)
    _checks.assert_close(d.variance, 1 / lam64 ** 2, dtype)
    _checks.check_function(lambda lam: D.Exponential(lam).entropy,
                           lambda lam: 1 - numpy.log(lam), (lam,))
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == 'positive'
    assert list(d.params) == ['lam']


def test_sampling():
    lam = _lam((2, 3), numpy.float32)
    d = D.Exponential(lam)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, 1 / numpy.float64(lam),
                                 1 / numpy.float64(lam) ** 2)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    lam1, lam2 = _lam((2, 3), dtype), _lam((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Exponential(lam1), D.Exponential(lam2))
    _checks.check_function(
        lambda l1, l2: chainer_lite.kl_divergence(D.Exponential(l1),
                                                  D.Exponential(l2)),
        lambda l1, l2: numpy.log(l1 / l2) + l2 / l1 - 1, (lam1, lam2))
