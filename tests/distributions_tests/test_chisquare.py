import math

import numpy
import pytest

from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S


def _log_prob(k, x):
    return ((k / 2 - 1) * numpy.log(x) - x / 2 - k / 2 * math.log(2)
            - S.gammaln(k / 2))


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    rng = _checks.rng()
    k = rng.uniform(1, 6, shape).astype(dtype)
    x = rng.uniform(0.2, 5, (2,) + shape).astype(dtype)
    _checks.check_log_prob(D.Chisquare, _log_prob, (k,), x)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    k = _checks.rng().uniform(1, 6, (2, 3)).astype(dtype)
    d = D.Chisquare(k)
    _checks.assert_close(d.mean, k, dtype)
    _checks.assert_close(d.variance, 2 * numpy.float64(k), dtype)
    _checks.check_function(
        lambda k: D.Chisquare(k).entropy,
        lambda k: (k / 2 + math.log(2) + S.gammaln(k / 2)
                   + (1 - k / 2) * S.digamma(k / 2)),
        (k,))
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == 'positive'
    assert list(d.params) == ['k']


def test_sampling():
    k = _checks.rng().uniform(1, 6, (2, 3)).astype(numpy.float32)
    d = D.Chisquare(k)
    _checks.check_sample_shapes(d)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_sample_moments(d, k, 2 * numpy.float64(k))
    _checks.check_entropy_by_sampling(d)
