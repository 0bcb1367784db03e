import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S


def _params(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    return (rng.uniform(1, 4, shape).astype(dtype),
            rng.uniform(0.5, 2, shape).astype(dtype))


def _log_prob(k, theta, x):
    return ((k - 1) * numpy.log(x) - x / theta - S.gammaln(k)
            - k * numpy.log(theta))


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    k, theta = _params(shape, dtype)
    x = _checks.rng(1).uniform(0.2, 4, (2,) + shape).astype(dtype)
    _checks.check_log_prob(D.Gamma, _log_prob, (k, theta), x)


def test_log_prob_of_negative_points():
    d = D.Gamma(numpy.full(2, 2, numpy.float32), numpy.ones(2, numpy.float32))
    with numpy.errstate(invalid='ignore'):
        lp = d.log_prob(numpy.array([-1., 1.], numpy.float32)).array
    assert lp[0] == -numpy.inf
    numpy.testing.assert_allclose(lp[1], -1., rtol=1e-6)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    k, theta = _params((2, 3), dtype)
    k64, theta64 = numpy.float64(k), numpy.float64(theta)
    d = D.Gamma(k, theta)
    _checks.assert_close(d.mean, k64 * theta64, dtype)
    _checks.assert_close(d.variance, k64 * theta64 ** 2, dtype)
    _checks.check_function(
        lambda k, theta: D.Gamma(k, theta).entropy,
        lambda k, theta: (k + numpy.log(theta) + S.gammaln(k)
                          + (1 - k) * S.digamma(k)),
        (k, theta))
    assert d.batch_shape == (2, 3)
    assert d.support == 'positive'
    assert set(d.params) == {'k', 'theta'}


def test_sampling():
    k, theta = _params((2, 3), numpy.float32)
    d = D.Gamma(k, theta)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, d.mean.array, d.variance.array)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    k1, theta1 = _params((2, 3), dtype)
    k2, theta2 = _params((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Gamma(k1, theta1), D.Gamma(k2, theta2))
    _checks.check_function(
        lambda *a: chainer_lite.kl_divergence(D.Gamma(*a[:2]),
                                              D.Gamma(*a[2:])),
        lambda k1, t1, k2, t2: ((k1 - k2) * S.digamma(k1) - S.gammaln(k1)
                                + S.gammaln(k2) + k2 * numpy.log(t2 / t1)
                                + k1 * (t1 / t2 - 1)),
        (k1, theta1, k2, theta2))
