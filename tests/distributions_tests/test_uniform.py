import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _bounds(shape, dtype, seed=0):
    rng = _checks.rng(seed)
    low = rng.uniform(-3, 0, shape)
    high = low + rng.uniform(1, 4, shape)
    return numpy.asarray(low, dtype), numpy.asarray(high, dtype)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    low, high = _bounds(shape, dtype)
    x = (low + (high - low) * _checks.rng(1).uniform(
        0.05, 0.95, (2,) + shape)).astype(dtype)
    _checks.check_function(
        lambda low, high: D.Uniform(low=low, high=high).log_prob(x),
        lambda low, high: -numpy.log(high - low) + 0 * x, (low, high))
    _checks.check_function(
        lambda scale: D.Uniform(loc=low, scale=scale).log_prob(x),
        lambda scale: -numpy.log(scale) + 0 * x,
        (numpy.asarray(high - low, dtype),))


def test_log_prob_outside_support():
    d = D.Uniform(low=numpy.zeros(3, numpy.float32),
                  high=numpy.full(3, 2, numpy.float32))
    lp = d.log_prob(numpy.array([-1., 1., 3.], numpy.float32)).array
    numpy.testing.assert_allclose(lp, [-numpy.inf, -numpy.log(2), -numpy.inf],
                                  rtol=1e-6)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_cdf_and_icdf(dtype):
    low, high = _bounds((2, 3), dtype)
    x = (low + (high - low) * _checks.rng(1).uniform(
        0.05, 0.95, (2, 3))).astype(dtype)
    _checks.check_function(
        lambda low, high, x: D.Uniform(low=low, high=high).cdf(x),
        lambda low, high, x: (x - low) / (high - low), (low, high, x))
    outside = numpy.stack([low - 1, high + 1])
    cdf = D.Uniform(low=low, high=high).cdf(outside).array
    numpy.testing.assert_array_equal(cdf, [numpy.zeros((2, 3)),
                                           numpy.ones((2, 3))])
    u = _checks.rng(2).uniform(0, 1, (2, 3)).astype(dtype)
    _checks.check_function(
        lambda low, high, u: D.Uniform(low=low, high=high).icdf(u),
        lambda low, high, u: low + u * (high - low), (low, high, u))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    low, high = _bounds((2, 3), dtype)
    width = numpy.float64(high) - low
    d = D.Uniform(low=low, high=high)
    _checks.assert_close(d.mean, (numpy.float64(low) + high) / 2, dtype)
    _checks.assert_close(d.variance, width ** 2 / 12, dtype)
    _checks.assert_close(d.stddev, width / numpy.sqrt(12), dtype)
    _checks.check_function(
        lambda low, high: D.Uniform(low=low, high=high).entropy,
        lambda low, high: numpy.log(high - low), (low, high))
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == '[low, high]'
    assert list(d.params) == ['low', 'high']
    by_loc = D.Uniform(loc=low, scale=(high - low).astype(dtype))
    assert list(by_loc.params) == ['loc', 'scale']
    _checks.assert_close(by_loc.high, high, dtype)


def test_sampling():
    low, high = _bounds((2, 3), numpy.float32)
    d = D.Uniform(low=low, high=high)
    _checks.check_sample_shapes(d)
    samples = d.sample(1000).array
    assert samples.dtype == numpy.float32
    assert ((samples >= low) & (samples <= high)).all()
    _checks.check_sample_moments(d, d.mean.array, d.variance.array)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    low1, high1 = _bounds((2, 3), dtype)
    low2, high2 = (low1 - 1).astype(dtype), (high1 + 0.5).astype(dtype)
    p = D.Uniform(low=low1, high=high1)
    q = D.Uniform(loc=low2, scale=(high2 - low2).astype(dtype))
    _checks.check_kl_by_sampling(p, q)
    _checks.check_function(
        lambda *a: chainer_lite.kl_divergence(
            D.Uniform(low=a[0], high=a[1]), D.Uniform(low=a[2], high=a[3])),
        lambda l1, h1, l2, h2: numpy.log((h2 - l2) / (h1 - l1)),
        (low1, high1, low2, high2))
    assert (chainer_lite.kl_divergence(q, p).array == numpy.inf).all()


def test_errors():
    zeros = numpy.zeros(2, numpy.float32)
    message = ('Either `low, high` or `loc, scale` (not both) must have a '
               'value.')
    with pytest.raises(ValueError) as e:
        D.Uniform(low=zeros)
    assert str(e.value) == message
    with pytest.raises(ValueError):
        D.Uniform(low=zeros, high=zeros, loc=zeros, scale=zeros)
    with pytest.raises(TypeError):
        D.Uniform(zeros, zeros)
