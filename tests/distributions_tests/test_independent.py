import math

import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _normal(shape, dtype=numpy.float32, seed=0):
    rng = _checks.rng(seed)
    return D.Normal(rng.uniform(-1, 1, shape).astype(dtype),
                    rng.uniform(0.5, 2, shape).astype(dtype))


@pytest.mark.parametrize('shape,ndims,batch_shape,event_shape', [
    ((4, 5), None, (4,), (5,)),
    ((4, 5), 0, (4, 5), ()),
    ((4, 5), 1, (4,), (5,)),
    ((4, 5), 2, (), (4, 5)),
    ((5,), None, (5,), ()),
    ((), None, (), ()),
])
def test_shapes(shape, ndims, batch_shape, event_shape):
    d = D.Independent(_normal(shape), ndims)
    assert d.batch_shape == batch_shape
    assert d.event_shape == event_shape
    assert d.reinterpreted_batch_ndims == len(shape) - len(batch_shape)
    _checks.check_sample_shapes(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob_sums_over_event_axes(dtype):
    rng = _checks.rng()
    loc = rng.uniform(-1, 1, (2, 3, 4)).astype(dtype)
    scale = rng.uniform(0.5, 2, (2, 3, 4)).astype(dtype)
    x = rng.normal(size=(5, 2, 3, 4)).astype(dtype)

    def log_prob(loc, scale, x):
        return (-0.5 * math.log(2 * math.pi) - numpy.log(scale)
                - 0.5 * ((x - loc) / scale) ** 2).sum(axis=(-2, -1))

    _checks.check_log_prob(
        lambda loc, scale: D.Independent(D.Normal(loc, scale), 2),
        log_prob, (loc, scale), x)


def test_reductions():
    base = _normal((2, 3))
    d = D.Independent(base)
    x = _checks.rng(1).normal(size=(2, 3)).astype(numpy.float32)
    f32 = numpy.float32
    _checks.assert_close(d.prob(x), base.prob(x).array.prod(-1), f32)
    _checks.assert_close(d.cdf(x), base.cdf(x).array.prod(-1), f32)
    _checks.assert_close(d.survival_function(x),
                         base.survival_function(x).array.prod(-1), f32)
    _checks.assert_close(d.log_cdf(x), base.log_cdf(x).array.sum(-1), f32,
                         atol=1e-5)
    _checks.assert_close(d.log_survival_function(x),
                         base.log_survival_function(x).array.sum(-1), f32,
                         atol=1e-5)
    _checks.assert_close(d.entropy, base.entropy.array.sum(-1), f32)
    # The moments stay those of the components.
    assert d.mean is base.mean
    assert d.variance is base.variance
    assert d.stddev is base.stddev
    assert d.params is not None and set(d.params) == {'loc', 'scale'}
    assert d.support == 'real'
    assert d.xp is numpy
    with pytest.raises(RuntimeError) as e:
        d.icdf(x)
    assert str(e.value) == ('Cumulative distribution function for '
                            'multivariate variable is not invertible.')


@pytest.mark.parametrize('ndims', [0, 1, 2])
def test_covariance_is_block_diagonal(ndims):
    rng = _checks.rng()
    loc = rng.uniform(-1, 1, (2, 3, 2)).astype(numpy.float64)
    tril = numpy.tril(rng.uniform(0.5, 1, (2, 3, 2, 2)))
    base = D.MultivariateNormal(loc, scale_tril=tril)
    d = D.Independent(base, ndims)
    cov = base.covariance.array
    batch = (2, 3)[:2 - ndims]
    flat = cov.reshape(batch + (-1, 2, 2))
    expected = numpy.zeros(batch + (flat.shape[-3] * 2,) * 2)
    for i in range(flat.shape[-3]):
        expected[..., 2 * i:2 * i + 2, 2 * i:2 * i + 2] = flat[..., i, :, :]
    _checks.assert_close(d.covariance, expected, numpy.float64)
    assert d.event_shape == (2, 3)[2 - ndims:] + (2,)


def test_too_many_reinterpreted_axes():
    with pytest.raises(ValueError) as e:
        D.Independent(_normal((2, 3)), 3)
    assert 'reinterpreted_batch_ndims must be less than or equal' in \
        str(e.value)


def test_kl_divergence():
    p, q = _normal((2, 3, 4)), _normal((2, 3, 4), seed=1)
    kl = chainer_lite.kl_divergence(D.Independent(p, 2), D.Independent(q, 2))
    _checks.assert_close(
        kl, chainer_lite.kl_divergence(p, q).array.sum(axis=(-2, -1)),
        numpy.float32)
    _checks.check_kl_by_sampling(D.Independent(p), D.Independent(q))
    with pytest.raises(ValueError):
        chainer_lite.kl_divergence(D.Independent(p, 1), D.Independent(q, 2))
    mvn = D.MultivariateNormal(
        numpy.zeros((2, 3), numpy.float32),
        scale_tril=numpy.broadcast_to(numpy.eye(3, dtype=numpy.float32),
                                      (2, 3, 3)))
    with pytest.raises(NotImplementedError):
        chainer_lite.kl_divergence(D.Independent(_normal((2, 3)), 1),
                                   D.Independent(mvn, 0))
