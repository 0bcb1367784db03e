import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S


def _lbeta(alpha):
    return S.gammaln(alpha).sum(-1) - S.gammaln(alpha.sum(-1))


def _points(shape, seed=1):
    x = _checks.rng(seed).uniform(0.2, 1, shape)
    return x / x.sum(axis=-1, keepdims=True)


@pytest.mark.parametrize('batch_shape', [(), (2,), (2, 3)])
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(batch_shape, dtype):
    alpha = _checks.rng().uniform(0.5, 3, batch_shape + (3,)).astype(dtype)
    x = _points((2,) + batch_shape + (3,)).astype(dtype)
    _checks.check_log_prob(
        D.Dirichlet,
        lambda alpha, x: ((alpha - 1) * numpy.log(x)).sum(-1) - _lbeta(alpha),
        (alpha,), x)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    alpha = _checks.rng().uniform(0.5, 3, (2, 4)).astype(dtype)
    a64 = numpy.float64(alpha)
    a0 = a64.sum(-1, keepdims=True)
    d = D.Dirichlet(alpha)
    _checks.assert_close(d.alpha0, a0[:, 0], dtype)
    _checks.assert_close(d.mean, a64 / a0, dtype)
    _checks.assert_close(d.variance, a64 * (a0 - a64) / a0 ** 2 / (a0 + 1),
                         dtype)

    def entropy(alpha):
        a0 = alpha.sum(-1)
        return (_lbeta(alpha) + (a0 - alpha.shape[-1]) * S.digamma(a0)
                - ((alpha - 1) * S.digamma(alpha)).sum(-1))

    _checks.check_function(lambda alpha: D.Dirichlet(alpha).entropy,
                           entropy, (alpha,))
    assert d.batch_shape == (2,)
    assert d.event_shape == (4,)
    assert d.support == '[0, 1]'
    assert list(d.params) == ['alpha']


def test_sampling():
    alpha = _checks.rng().uniform(0.5, 3, (2, 4)).astype(numpy.float32)
    d = D.Dirichlet(alpha)
    _checks.check_sample_shapes(d)
    samples = d.sample(10).array
    assert samples.dtype == numpy.float32
    numpy.testing.assert_allclose(samples.sum(-1), 1, rtol=1e-5)
    _checks.check_sample_moments(d, d.mean.array, d.variance.array)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    rng = _checks.rng()
    alpha1 = rng.uniform(0.5, 3, (2, 3)).astype(dtype)
    alpha2 = rng.uniform(0.5, 3, (2, 3)).astype(dtype)
    _checks.check_kl_by_sampling(D.Dirichlet(alpha1), D.Dirichlet(alpha2))

    def kl(a1, a2):
        return (_lbeta(a2) - _lbeta(a1)
                + ((a1 - a2) * (S.digamma(a1)
                                - S.digamma(a1.sum(-1, keepdims=True))))
                .sum(-1))

    _checks.check_function(
        lambda a1, a2: chainer_lite.kl_divergence(D.Dirichlet(a1),
                                                  D.Dirichlet(a2)),
        kl, (alpha1, alpha2))
