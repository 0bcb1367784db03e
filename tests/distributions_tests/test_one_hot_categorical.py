import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _probabilities(shape, dtype, seed=0):
    p = _checks.rng(seed).uniform(0.2, 1, shape)
    return (p / p.sum(axis=-1, keepdims=True)).astype(dtype)


@pytest.mark.parametrize('batch_shape', [(), (3,), (2, 3)])
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(batch_shape, dtype):
    p = _probabilities(batch_shape + (4,), dtype)
    classes = _checks.rng(1).randint(0, 4, (2,) + batch_shape)
    x = numpy.eye(4, dtype=dtype)[classes]
    _checks.check_log_prob(D.OneHotCategorical,
                           lambda p, x: (numpy.log(p) * x).sum(-1),
                           (p,), x, x_differentiable=False)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    p = _probabilities((2, 3), dtype)
    d = D.OneHotCategorical(p)
    _checks.assert_close(d.mean, p, dtype)
    _checks.assert_close(d.variance, numpy.float64(p) * (1 - p), dtype)
    assert d.batch_shape == (2,)
    assert d.event_shape == (3,)
    assert list(d.params) == ['p']


def test_sampling():
    p = _probabilities((2, 3), numpy.float64)
    d = D.OneHotCategorical(p)
    _checks.check_sample_shapes(d)
    samples = d.sample(20000).array
    assert samples.dtype == numpy.float64
    numpy.testing.assert_array_equal(samples.sum(-1), 1)
    _checks.check_sample_moments(d, p, p * (1 - p))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    p1 = _probabilities((2, 3), dtype)
    p2 = _probabilities((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.OneHotCategorical(p1),
                                 D.OneHotCategorical(p2))
    _checks.check_function(
        lambda p1, p2: chainer_lite.kl_divergence(D.OneHotCategorical(p1),
                                                  D.OneHotCategorical(p2)),
        lambda p1, p2: (p1 * numpy.log(p1 / p2)).sum(-1), (p1, p2))
