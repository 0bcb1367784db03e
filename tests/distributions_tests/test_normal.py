import math

import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks
from distributions_tests import _numpy_special as S


def _params(shape, dtype):
    rng = _checks.rng()
    loc = rng.uniform(-1, 1, shape).astype(dtype)
    scale = rng.uniform(0.5, 2, shape).astype(dtype)
    return loc, scale


def _log_prob(loc, scale, x):
    return (-0.5 * numpy.log(2 * numpy.pi) - numpy.log(scale)
            - 0.5 * ((x - loc) / scale) ** 2)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob_and_prob(shape, dtype):
    loc, scale = _params(shape, dtype)
    x = _checks.rng(1).normal(size=(2,) + shape).astype(dtype)
    _checks.check_log_prob(D.Normal, _log_prob, (loc, scale), x)
    _checks.check_function(
        lambda loc, scale, x: D.Normal(loc, scale).prob(x),
        lambda loc, scale, x: numpy.exp(_log_prob(loc, scale, x)),
        (loc, scale, x))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_scale_parameterization(dtype):
    loc, scale = _params((2, 3), dtype)
    log_scale = numpy.log(scale)
    x = _checks.rng(1).normal(size=(2, 3)).astype(dtype)
    _checks.check_log_prob(
        lambda loc, log_scale: D.Normal(loc, log_scale=log_scale),
        lambda loc, log_scale, x: _log_prob(loc, numpy.exp(log_scale), x),
        (loc, log_scale), x)
    d = D.Normal(loc, log_scale=log_scale)
    _checks.assert_close(d.scale, scale, dtype)
    assert set(d.params) == {'loc', 'scale'}


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    loc, scale = _params((2, 3), dtype)
    d = D.Normal(loc, scale)
    _checks.assert_close(d.mean, loc, dtype)
    _checks.assert_close(d.stddev, scale, dtype)
    _checks.assert_close(d.variance, numpy.float64(scale) ** 2, dtype)
    _checks.check_function(
        lambda scale: D.Normal(loc, scale).entropy,
        lambda scale: 0.5 * numpy.log(2 * math.pi * math.e)
        + numpy.log(scale),
        (scale,))
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == 'real'
    assert d.xp is numpy


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_cdf_family(dtype):
    loc, scale = _params((2, 3), dtype)
    x = _checks.rng(1).normal(size=(2, 3)).astype(dtype)

    def z(loc, scale, x):
        return (x - loc) / scale

    cdf = (lambda loc, scale, x: S.ndtr(z(loc, scale, x)))
    _checks.check_function(
        lambda loc, scale, x: D.Normal(loc, scale).cdf(x), cdf,
        (loc, scale, x))
    _checks.check_function(
        lambda loc, scale, x: D.Normal(loc, scale).survival_function(x),
        lambda *a: 1 - cdf(*a), (loc, scale, x))
    _checks.check_function(
        lambda loc, scale, x: D.Normal(loc, scale).log_cdf(x),
        lambda *a: numpy.log(cdf(*a)), (loc, scale, x))
    _checks.check_function(
        lambda loc, scale, x: D.Normal(loc, scale).log_survival_function(x),
        lambda *a: numpy.log(1 - cdf(*a)), (loc, scale, x))
    u = _checks.rng(2).uniform(0.05, 0.95, (2, 3)).astype(dtype)
    _checks.check_function(
        lambda loc, scale, u: D.Normal(loc, scale).icdf(u),
        lambda loc, scale, u: loc + scale * S.ndtri(u),
        (loc, scale, u), tolerances={'double_backward': {'atol': 1e-2}})


def test_sampling():
    loc, scale = _params((2, 3), numpy.float32)
    d = D.Normal(loc, scale)
    _checks.check_sample_shapes(d)
    assert d.sample(3).dtype == numpy.float32
    _checks.check_sample_moments(d, loc, numpy.float64(scale) ** 2)
    _checks.check_entropy_by_sampling(d)


def test_sample_is_reparameterized():
    loc = chainer_lite.Variable(numpy.array([0.5, -1.], numpy.float32))
    scale = chainer_lite.Variable(numpy.array([2., 0.5], numpy.float32))
    y = D.Normal(loc, scale).sample(4)
    chainer_lite.functions.sum(y).backward()
    numpy.testing.assert_allclose(loc.grad, [4., 4.])
    numpy.testing.assert_allclose(
        scale.grad, ((y.array - loc.array) / scale.array).sum(axis=0),
        rtol=1e-6)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32])
def test_keeps_dtype(dtype):
    d = D.Normal(numpy.zeros(3, dtype), numpy.ones(3, dtype))
    assert d.sample(2).dtype == dtype
    assert d.log_prob(numpy.zeros(3, dtype)).dtype == dtype
    assert d.entropy.dtype == dtype


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    loc1, scale1 = _params((2, 3), dtype)
    loc2, scale2 = (a[::-1].copy() for a in _params((2, 3), dtype))

    def reference(loc1, scale1, loc2, scale2):
        return (numpy.log(scale2 / scale1)
                + (scale1 ** 2 + (loc1 - loc2) ** 2) / (2 * scale2 ** 2)
                - 0.5)

    _checks.check_function(
        lambda l1, s1, l2, s2: chainer_lite.kl_divergence(
            D.Normal(l1, s1), D.Normal(l2, s2)),
        reference, (loc1, scale1, loc2, scale2))
    p = D.Normal(loc1, scale1)
    q = D.Normal(loc2, log_scale=numpy.log(scale2))
    _checks.check_kl_by_sampling(p, q)
    _checks.assert_close(chainer_lite.kl_divergence(p, p), 0, dtype,
                         atol=1e-6)


def test_errors():
    zeros = numpy.zeros(3, numpy.float32)
    message = 'Either `scale` or `log_scale` (not both) must have a value.'
    with pytest.raises(ValueError) as e:
        D.Normal(zeros)
    assert str(e.value) == message
    with pytest.raises(ValueError):
        D.Normal(zeros, zeros, log_scale=zeros)
    with pytest.raises(TypeError) as e:
        D.Normal(zeros, zeros, foo=1)
    assert str(e.value) == \
        "__init__() got unexpected keyword argument(s) 'foo'"
