import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S


def _params(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    return (rng.uniform(0.5, 4, shape).astype(dtype),
            rng.uniform(0.5, 4, shape).astype(dtype))


def _lbeta(a, b):
    return S.gammaln(a) + S.gammaln(b) - S.gammaln(a + b)


def _log_prob(a, b, x):
    return (a - 1) * numpy.log(x) + (b - 1) * numpy.log(1 - x) - _lbeta(a, b)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    a, b = _params(shape, dtype)
    x = _checks.rng(1).uniform(0.1, 0.9, (2,) + shape).astype(dtype)
    _checks.check_log_prob(D.Beta, _log_prob, (a, b), x)


def test_log_prob_outside_support():
    two = numpy.full(3, 2, numpy.float32)
    d = D.Beta(two, two)
    with numpy.errstate(invalid='ignore'):
        lp = d.log_prob(numpy.array([-0.5, 0.5, 1.5], numpy.float32)).array
    assert lp[0] == lp[2] == -numpy.inf
    assert numpy.isfinite(lp[1])


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    a, b = _params((2, 3), dtype)
    a64, b64 = numpy.float64(a), numpy.float64(b)
    d = D.Beta(a, b)
    _checks.assert_close(d.mean, a64 / (a64 + b64), dtype)
    _checks.assert_close(
        d.variance, a64 * b64 / (a64 + b64) ** 2 / (a64 + b64 + 1), dtype)

    def entropy(a, b):
        return (_lbeta(a, b) - (a - 1) * S.digamma(a)
                - (b - 1) * S.digamma(b)
                + (a + b - 2) * S.digamma(a + b))

    _checks.check_function(lambda a, b: D.Beta(a, b).entropy, entropy,
                           (a, b))
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == '[0, 1]'
    assert set(d.params) == {'a', 'b'}


def test_sampling():
    a, b = _params((2, 3), numpy.float32)
    d = D.Beta(a, b)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, d.mean.array, d.variance.array)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    a1, b1 = _params((2, 3), dtype)
    a2, b2 = _params((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Beta(a1, b1), D.Beta(a2, b2))

    def kl(a1, b1, a2, b2):
        return (_lbeta(a2, b2) - _lbeta(a1, b1)
                + (a1 - a2) * S.digamma(a1) + (b1 - b2) * S.digamma(b1)
                + (a2 - a1 + b2 - b1) * S.digamma(a1 + b1))

    _checks.check_function(
        lambda a1, b1, a2, b2: chainer_lite.kl_divergence(
            D.Beta(a1, b1), D.Beta(a2, b2)),
        kl, (a1, b1, a2, b2))
