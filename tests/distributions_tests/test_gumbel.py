import math

import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S

EULER = 0.5772156649015329


def _params(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    return (rng.uniform(-1, 1, shape).astype(dtype),
            rng.uniform(0.5, 2, shape).astype(dtype))


def _log_prob(loc, scale, x):
    z = (x - loc) / scale
    return -numpy.log(scale) - z - numpy.exp(-z)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    loc, scale = _params(shape, dtype)
    x = _checks.rng(1).uniform(-2, 3, (2,) + shape).astype(dtype)
    _checks.check_log_prob(D.Gumbel, _log_prob, (loc, scale), x)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    loc, scale = _params((2, 3), dtype)
    loc64, scale64 = numpy.float64(loc), numpy.float64(scale)
    d = D.Gumbel(loc, scale)
    _checks.assert_close(d.mean, loc64 + EULER * scale64, dtype)
    _checks.assert_close(d.variance, math.pi ** 2 / 6 * scale64 ** 2, dtype)
    _checks.check_function(lambda scale: D.Gumbel(loc, scale).entropy,
                           lambda scale: numpy.log(scale) + EULER + 1,
                           (scale,))
    assert d.batch_shape == (2, 3)
    assert d.support == 'real'
    assert set(d.params) == {'loc', 'scale'}


def test_sampling():
    loc, scale = _params((2, 3), numpy.float32)
    d = D.Gumbel(loc, scale)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, d.mean.array, d.variance.array)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    loc1, scale1 = _params((2, 3), dtype)
    loc2, scale2 = _params((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Gumbel(loc1, scale1),
                                 D.Gumbel(loc2, scale2))

    def kl(l1, s1, l2, s2):
        return (numpy.log(s2 / s1) + EULER * (s1 / s2 - 1)
                + numpy.exp((l2 - l1) / s2 + S.gammaln(s1 / s2 + 1))
                - 1 + (l1 - l2) / s2)

    _checks.check_function(
        lambda *a: chainer_lite.kl_divergence(D.Gumbel(*a[:2]),
                                              D.Gumbel(*a[2:])),
        kl, (loc1, scale1, loc2, scale2))
