import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _params(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    return (rng.uniform(0.5, 2, shape).astype(dtype),
            rng.uniform(2.5, 5, shape).astype(dtype))


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    scale, alpha = _params(shape, dtype)
    x = (scale * _checks.rng(1).uniform(1.1, 3, (2,) + shape)).astype(dtype)
    _checks.check_log_prob(
        D.Pareto,
        lambda scale, alpha, x: (numpy.log(alpha) + alpha * numpy.log(scale)
                                 - (alpha + 1) * numpy.log(x)),
        (scale, alpha), x)


def test_log_prob_below_scale():
    d = D.Pareto(numpy.array([1., 1.], numpy.float32),
                 numpy.array([2., 2.], numpy.float32))
    lp = d.log_prob(numpy.array([0.5, 2.], numpy.float32)).array
    assert lp[0] == -numpy.inf
    numpy.testing.assert_allclose(lp[1], numpy.log(2) - 3 * numpy.log(2),
                                  rtol=1e-6)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    scale, alpha = _params((2, 3), dtype)
    _checks.check_function(
        lambda scale, alpha: D.Pareto(scale, alpha).mean,
        lambda scale, alpha: alpha * scale / (alpha - 1), (scale, alpha))
    _checks.check_function(
        lambda scale, alpha: D.Pareto(scale, alpha).variance,
        lambda scale, alpha: (scale ** 2 * alpha / (alpha - 1) ** 2
                              / (alpha - 2)),
        (scale, alpha))
    _checks.check_function(
        lambda scale, alpha: D.Pareto(scale, alpha).entropy,
        lambda scale, alpha: numpy.log(scale / alpha) + 1 / alpha + 1,
        (scale, alpha))
    d = D.Pareto(scale, alpha)
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == '[scale, inf]'
    assert set(d.params) == {'scale', 'alpha'}


def test_infinite_moments():
    d = D.Pareto(numpy.ones(3, numpy.float32),
                 numpy.array([0.5, 1.5, 3.], numpy.float32))
    with numpy.errstate(divide='ignore', invalid='ignore'):
        mean, variance = d.mean.array, d.variance.array
    assert mean[0] == numpy.inf and numpy.isfinite(mean[1:]).all()
    assert (variance[:2] == numpy.inf).all() and numpy.isfinite(variance[2])


def test_sampling():
    scale, alpha = _params((2, 3), numpy.float32)
    d = D.Pareto(scale, alpha)
    _checks.check_sample_shapes(d)
    samples = d.sample(20000).array
    assert samples.dtype == numpy.float32
    assert (samples >= scale).all()
    # The cdf at the median is 1/2: (scale / median) ** alpha = 1/2.
    numpy.testing.assert_allclose(numpy.median(samples, axis=0),
                                  scale * 2 ** (1 / alpha), rtol=0.03)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    scale2, alpha1 = _params((2, 3), dtype)
    scale1, alpha2 = (scale2 * 1.5).astype(dtype), alpha1[::-1].copy()
    _checks.check_kl_by_sampling(D.Pareto(scale1, alpha1),
                                 D.Pareto(scale2, alpha2))
    _checks.check_function(
        lambda *a: chainer_lite.kl_divergence(D.Pareto(*a[:2]),
                                              D.Pareto(*a[2:])),
        lambda s1, a1, s2, a2: (a2 * numpy.log(s1 / s2) + numpy.log(a1 / a2)
                                + (a2 - a1) / a1),
        (scale1, alpha1, scale2, alpha2))
    # Where the support of p reaches below that of q, the KL is infinite.
    kl = chainer_lite.kl_divergence(D.Pareto(scale2, alpha1),
                                    D.Pareto(scale1, alpha2))
    assert (kl.array == numpy.inf).all()
