import copy
import math

import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D
from chainer_lite.distributions import multivariate_normal

from distributions_tests import _checks


def _params(batch_shape, d, dtype, seed=0):
    rng = _checks.rng(seed)
    loc = rng.uniform(-1, 1, batch_shape + (d,))
    # A well conditioned factor: positive diagonal, small off-diagonal.
    scale_tril = numpy.tril(rng.uniform(-0.5, 0.5, batch_shape + (d, d)))
    idx = numpy.arange(d)
    scale_tril[..., idx, idx] = rng.uniform(0.5, 1.5, batch_shape + (d,))
    return loc.astype(dtype), scale_tril.astype(dtype)


def _log_prob(loc, scale_tril, x):
    cov = scale_tril @ numpy.swapaxes(scale_tril, -1, -2)
    diff = x - loc
    maha = (diff[..., None, :] @ numpy.linalg.solve(
        numpy.broadcast_to(cov, diff.shape + diff.shape[-1:]),
        diff[..., None]))[..., 0, 0]
    d = loc.shape[-1]
    return -0.5 * (d * math.log(2 * math.pi) + numpy.linalg.slogdet(cov)[1]
                   + maha)


def _tril_only(f):
    # The upper triangle of scale_tril is not read: differentiate with
    # respect to the lower one only.
    def wrapped(loc, scale_tril, *args):
        mask = numpy.tril(numpy.ones(scale_tril.shape[-2:], bool))
        return f(loc, chainer_lite.functions.where(
            mask, scale_tril, numpy.zeros_like(scale_tril.array)), *args)
    return wrapped


@pytest.mark.parametrize('batch_shape', [(), (2,), (2, 3)])
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(batch_shape, dtype):
    loc, scale_tril = _params(batch_shape, 3, dtype)
    x = _checks.rng(1).normal(size=(2,) + batch_shape + (3,)).astype(dtype)
    _checks.check_function(
        _tril_only(lambda loc, scale_tril, x: D.MultivariateNormal(
            loc, scale_tril=scale_tril).log_prob(x)),
        _log_prob, (loc, scale_tril, x),
        tolerances={'forward': {'atol': 1e-4}})


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    loc, scale_tril = _params((2,), 3, dtype)
    d = D.MultivariateNormal(loc, scale_tril=scale_tril)
    cov = numpy.float64(scale_tril) @ numpy.swapaxes(scale_tril, -1, -2)
    _checks.assert_close(d.mean, loc, dtype)
    _checks.assert_close(d.covariance, cov, dtype)
    entropy = _tril_only(lambda loc, scale_tril: D.MultivariateNormal(
        loc, scale_tril=scale_tril).entropy)
    _checks.check_function(
        lambda scale_tril: entropy(loc, scale_tril),
        lambda scale_tril: 0.5 * numpy.linalg.slogdet(
            2 * math.pi * math.e * (
                scale_tril @ numpy.swapaxes(scale_tril, -1, -2)))[1],
        (scale_tril,))
    assert d.batch_shape == (2,)
    assert d.event_shape == (3,)
    assert d.d == 3
    assert d.support == 'real'
    assert set(d.params) == {'loc', 'scale_tril'}
    assert copy.copy(d).loc is d.loc


def test_sampling():
    loc, scale_tril = _params((2,), 3, numpy.float32)
    d = D.MultivariateNormal(loc, scale_tril=scale_tril)
    _checks.check_sample_shapes(d)
    samples = d.sample(30000).array.astype(numpy.float64)
    assert d.sample(2).dtype == numpy.float32
    _checks.check_monte_carlo(samples, loc, atol=1e-6)
    diff = samples - loc
    products = diff[..., :, None] * diff[..., None, :]
    _checks.check_monte_carlo(products, d.covariance.array, atol=1e-6)
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    loc1, tril1 = _params((2,), 3, dtype)
    loc2, tril2 = _params((2,), 3, dtype, seed=1)
    p = D.MultivariateNormal(loc1, scale_tril=tril1)
    q = D.MultivariateNormal(loc2, scale_tril=tril2)
    _checks.check_kl_by_sampling(p, q)

    def kl(loc1, tril1, loc2, tril2):
        cov1 = tril1 @ numpy.swapaxes(tril1, -1, -2)
        cov2 = tril2 @ numpy.swapaxes(tril2, -1, -2)
        diff = (loc2 - loc1)[..., None]
        inv2 = numpy.linalg.inv(cov2)
        return 0.5 * (numpy.trace(inv2 @ cov1, axis1=-2, axis2=-1)
                      + (numpy.swapaxes(diff, -1, -2) @ inv2 @ diff)[..., 0, 0]
                      - 3 + numpy.linalg.slogdet(cov2)[1]
                      - numpy.linalg.slogdet(cov1)[1])

    def func(loc1, tril1, loc2, tril2):
        mask = numpy.tril(numpy.ones((3, 3), bool))
        zeros = numpy.zeros_like(tril1.array)
        tril1 = chainer_lite.functions.where(mask, tril1, zeros)
        tril2 = chainer_lite.functions.where(mask, tril2, zeros)
        return chainer_lite.kl_divergence(
            D.MultivariateNormal(loc1, scale_tril=tril1),
            D.MultivariateNormal(loc2, scale_tril=tril2))

    _checks.check_function(func, kl, (loc1, tril1, loc2, tril2),
                           tolerances={'forward': {'atol': 1e-4}})


@pytest.mark.parametrize('lower', [True, False])
@pytest.mark.parametrize('shape', [(3, 3), (2, 4, 4), (1, 1)])
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_triangular_inv(lower, shape, dtype):
    a = _checks.rng().uniform(-1, 1, shape)
    a += 3 * numpy.eye(shape[-1])
    a = (numpy.tril(a) if lower else numpy.triu(a)).astype(dtype)
    triangle = numpy.tril if lower else numpy.triu

    def func(a):
        mask = triangle(numpy.ones(shape[-2:], bool))
        a = chainer_lite.functions.where(mask, a, numpy.zeros_like(a.array))
        return multivariate_normal._triangular_inv(a, lower=lower)

    _checks.check_function(func, lambda a: numpy.linalg.inv(triangle(a)),
                           (a,))


def test_triangular_inv_reads_one_triangle():
    a = numpy.array([[2., 5.], [1., 4.]], numpy.float32)
    inv = multivariate_normal._triangular_inv(a, lower=True).array
    numpy.testing.assert_allclose(inv, numpy.linalg.inv(numpy.tril(a)),
                                  rtol=1e-6)
    assert multivariate_normal._triangular_inv(
        numpy.zeros((0, 0), numpy.float32)).shape == (0, 0)


def test_requires_scale_tril():
    loc = numpy.zeros(3, numpy.float32)
    with pytest.raises(ValueError) as e:
        D.MultivariateNormal(loc)
    assert str(e.value) == '`scale_tril` must have a value.'
    with pytest.raises(TypeError):
        D.MultivariateNormal(loc, scale=loc)
