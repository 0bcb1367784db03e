import math

import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _params(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    return (rng.uniform(-1, 1, shape).astype(dtype),
            rng.uniform(0.3, 1, shape).astype(dtype))


def _log_prob(mu, sigma, x):
    return (-0.5 * math.log(2 * math.pi) - numpy.log(sigma) - numpy.log(x)
            - (numpy.log(x) - mu) ** 2 / (2 * sigma ** 2))


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    mu, sigma = _params(shape, dtype)
    x = _checks.rng(1).uniform(0.2, 4, (2,) + shape).astype(dtype)
    _checks.check_log_prob(D.LogNormal, _log_prob, (mu, sigma), x)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    mu, sigma = _params((2, 3), dtype)
    mu64, sigma64 = numpy.float64(mu), numpy.float64(sigma)
    _checks.check_function(
        lambda mu, sigma: D.LogNormal(mu, sigma).mean,
        lambda mu, sigma: numpy.exp(mu + sigma ** 2 / 2), (mu, sigma))
    _checks.check_function(
        lambda mu, sigma: D.LogNormal(mu, sigma).variance,
        lambda mu, sigma: (numpy.exp(sigma ** 2) - 1)
        * numpy.exp(2 * mu + sigma ** 2),
        (mu, sigma))
    d = D.LogNormal(mu, sigma)
    _checks.assert_close(
        d.entropy, mu64 + 0.5 + 0.5 * numpy.log(2 * math.pi * sigma64 ** 2),
        dtype)
    assert d.batch_shape == (2, 3)
    assert d.support == 'positive'
    assert set(d.params) == {'mu', 'sigma'}


def test_sampling():
    mu, sigma = _params((2, 3), numpy.float32)
    d = D.LogNormal(mu, sigma)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, d.mean.array, d.variance.array, n=50000)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    mu1, sigma1 = _params((2, 3), dtype)
    mu2, sigma2 = _params((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.LogNormal(mu1, sigma1),
                                 D.LogNormal(mu2, sigma2))
    _checks.check_function(
        lambda *a: chainer_lite.kl_divergence(D.LogNormal(*a[:2]),
                                              D.LogNormal(*a[2:])),
        lambda m1, s1, m2, s2: (numpy.log(s2 / s1)
                                + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2)
                                - 0.5),
        (mu1, sigma1, mu2, sigma2))
