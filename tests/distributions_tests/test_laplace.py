import math

import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D
from chainer_lite.distributions import laplace

from distributions_tests import _checks


def _params(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    return (rng.uniform(-1, 1, shape).astype(dtype),
            rng.uniform(0.5, 2, shape).astype(dtype))


def _points(loc, shape, seed=1):
    # Away from the kink at loc, where finite differences are meaningless.
    rng = _checks.rng(seed)
    offset = rng.uniform(0.2, 2, shape) * rng.choice([-1, 1], shape)
    return (loc + offset).astype(loc.dtype)


def _cdf(loc, scale, x):
    z = (x - loc) / scale
    return numpy.where(z < 0, 0.5 * numpy.exp(z), 1 - 0.5 * numpy.exp(-z))


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob_and_prob(shape, dtype):
    loc, scale = _params(shape, dtype)
    x = _points(loc, (2,) + shape)

    def log_prob(loc, scale, x):
        return -numpy.log(2 * scale) - numpy.abs(x - loc) / scale

    _checks.check_log_prob(D.Laplace, log_prob, (loc, scale), x)
    _checks.check_function(
        lambda loc, scale, x: D.Laplace(loc, scale).prob(x),
        lambda *a: numpy.exp(log_prob(*a)), (loc, scale, x))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_cdf_and_icdf(dtype):
    loc, scale = _params((2, 3), dtype)
    x = _points(loc, (2, 3))
    _checks.check_function(
        lambda loc, scale, x: D.Laplace(loc, scale).cdf(x), _cdf,
        (loc, scale, x))
    u = _checks.rng(2).uniform(0.05, 0.95, (2, 3))
    u = numpy.where(numpy.abs(u - 0.5) < 0.05, 0.3, u).astype(dtype)
    _checks.check_function(
        lambda loc, scale, u: D.Laplace(loc, scale).icdf(u),
        lambda loc, scale, u: loc - scale * numpy.sign(u - 0.5)
        * numpy.log(1 - 2 * numpy.abs(u - 0.5)),
        (loc, scale, u))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_standard_cdf_roundtrip(dtype):
    u = _checks.rng().uniform(0.02, 0.98, (2, 3)).astype(dtype)
    x = laplace._laplace_icdf(u)
    _checks.assert_close(laplace._laplace_cdf(x), u, dtype)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    loc, scale = _params((2, 3), dtype)
    scale64 = numpy.float64(scale)
    d = D.Laplace(loc, scale)
    _checks.assert_close(d.mean, loc, dtype)
    _checks.assert_close(d.mode, loc, dtype)
    _checks.assert_close(d.variance, 2 * scale64 ** 2, dtype)
    _checks.assert_close(d.stddev, math.sqrt(2) * scale64, dtype)
    _checks.check_function(lambda scale: D.Laplace(loc, scale).entropy,
                           lambda scale: 1 + numpy.log(2 * scale), (scale,))
    assert d.batch_shape == (2, 3)
    assert d.support == 'real'
    assert set(d.params) == {'loc', 'scale'}


def test_sampling():
    loc, scale = _params((2, 3), numpy.float32)
    d = D.Laplace(loc, scale)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, loc, 2 * numpy.float64(scale) ** 2)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    loc1, scale1 = _params((2, 3), dtype)
    loc2, scale2 = _params((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Laplace(loc1, scale1),
                                 D.Laplace(loc2, scale2))

    def kl(l1, s1, l2, s2):
        d = numpy.abs(l1 - l2)
        return numpy.log(s2 / s1) + d / s2 + s1 / s2 * numpy.exp(-d / s1) - 1

    _checks.check_function(
        lambda *a: chainer_lite.kl_divergence(D.Laplace(*a[:2]),
                                              D.Laplace(*a[2:])),
        kl, (loc1, scale1, loc2, scale2))
