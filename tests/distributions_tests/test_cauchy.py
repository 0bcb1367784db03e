import math

import numpy
import pytest

from chainer_lite import distributions as D

from distributions_tests import _checks


def _params(shape, dtype):
    rng = _checks.rng()
    return (rng.uniform(-1, 1, shape).astype(dtype),
            rng.uniform(0.5, 2, shape).astype(dtype))


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    loc, scale = _params(shape, dtype)
    x = _checks.rng(1).normal(size=(2,) + shape).astype(dtype)
    _checks.check_log_prob(
        D.Cauchy,
        lambda loc, scale, x: (numpy.log(scale / math.pi)
                               - numpy.log((x - loc) ** 2 + scale ** 2)),
        (loc, scale), x)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_cdf_and_icdf(dtype):
    loc, scale = _params((2, 3), dtype)
    x = _checks.rng(1).normal(size=(2, 3)).astype(dtype)
    _checks.check_function(
        lambda loc, scale, x: D.Cauchy(loc, scale).cdf(x),
        lambda loc, scale, x: 0.5 + numpy.arctan((x - loc) / scale) / math.pi,
        (loc, scale, x))
    u = _checks.rng(2).uniform(0.1, 0.9, (2, 3)).astype(dtype)
    _checks.check_function(
        lambda loc, scale, u: D.Cauchy(loc, scale).icdf(u),
        lambda loc, scale, u: loc + scale * numpy.tan(math.pi * (u - 0.5)),
        (loc, scale, u))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    loc, scale = _params((2, 3), dtype)
    d = D.Cauchy(loc, scale)
    _checks.check_function(lambda scale: D.Cauchy(loc, scale).entropy,
                           lambda scale: numpy.log(4 * math.pi * scale),
                           (scale,))
    for name in ('mean', 'variance'):
        with pytest.warns(RuntimeWarning, match='undefined'):
            value = getattr(d, name)
        assert value.dtype == dtype
        assert value.shape == (2, 3)
        assert numpy.isnan(value.array).all()
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == 'real'
    assert set(d.params) == {'loc', 'scale'}


def test_sampling():
    loc, scale = _params((2, 3), numpy.float32)
    d = D.Cauchy(loc, scale)
    _checks.check_sample_shapes(d)
    samples = d.sample(20000).array
    assert samples.dtype == numpy.float32
    # No moments: the quartiles are loc -/+ scale.
    q1, median, q3 = numpy.percentile(samples, [25, 50, 75], axis=0)
    numpy.testing.assert_allclose(median, loc, atol=0.06)
    numpy.testing.assert_allclose(q3 - q1, 2 * scale, rtol=0.06)
    _checks.check_entropy_by_sampling(d)
