import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D
from chainer_lite.distributions import bernoulli

from distributions_tests import _checks


def _log_prob(logit, x):
    p = 1 / (1 + numpy.exp(-logit))
    return x * numpy.log(p) + (1 - x) * numpy.log(1 - p)


@pytest.mark.parametrize('shape', _checks.SHAPES)
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(shape, dtype):
    rng = _checks.rng()
    logit = rng.uniform(-3, 3, shape).astype(dtype)
    x = rng.randint(0, 2, (2,) + shape).astype(dtype)
    _checks.check_log_prob(lambda logit: D.Bernoulli(logit=logit),
                           _log_prob, (logit,), x, x_differentiable=False)
    # The same distribution given by p.
    p = numpy.asarray(1 / (1 + numpy.exp(-logit.astype(numpy.float64))))
    _checks.check_log_prob(
        lambda p: D.Bernoulli(p=p),
        lambda p, x: x * numpy.log(p) + (1 - x) * numpy.log(1 - p),
        (p.astype(dtype),), x, x_differentiable=False,
        tolerances={'forward': {'atol': 1e-4}})
    _checks.check_function(
        lambda p: D.Bernoulli(p=p).prob(x),
        lambda p: x * p + (1 - x) * (1 - p), (p.astype(dtype),))


def test_log_prob_is_stable_for_large_logits():
    logit = numpy.array([-200., -50., 50., 200.], numpy.float32)
    lp = D.Bernoulli(logit=logit).log_prob(numpy.ones(4, numpy.float32))
    numpy.testing.assert_allclose(lp.array, [-200., -50., 0., 0.], atol=1e-6)


def test_log_prob_with_infinite_logits():
    logit = numpy.array([numpy.inf, numpy.inf, -numpy.inf, -numpy.inf],
                        numpy.float32)
    x = numpy.array([1., 0., 1., 0.], numpy.float32)
    lp = D.Bernoulli(logit=logit).log_prob(x)
    numpy.testing.assert_array_equal(lp.array,
                                     [0., -numpy.inf, -numpy.inf, 0.])
    # The gradient with respect to an infinite logit is undefined (NaN).
    v = chainer_lite.Variable(logit)
    chainer_lite.functions.sum(bernoulli._bernoulli_log_prob(v, x)).backward()
    assert numpy.isnan(v.grad).all()


def test_binary_check():
    x = numpy.array([0., 1., 0.5], numpy.float32)
    p = numpy.array([0.3, 0.3, 0.3], numpy.float32)
    checked = D.Bernoulli(p=p, binary_check=True)
    numpy.testing.assert_allclose(
        checked.log_prob(x).array,
        [numpy.log(0.7), numpy.log(0.3), -numpy.inf], rtol=1e-6)
    numpy.testing.assert_allclose(checked.prob(x).array, [0.7, 0.3, 0.],
                                  rtol=1e-6)
    unchecked = D.Bernoulli(p=p)
    assert numpy.isfinite(unchecked.log_prob(x).array).all()
    assert unchecked.prob(x).array[2] > 0


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob_broadcasts_the_logit(dtype):
    rng = _checks.rng()
    logit = numpy.asarray(rng.uniform(-2, 2), dtype)
    x = rng.randint(0, 2, (3,)).astype(dtype)
    _checks.check_function(
        lambda logit: bernoulli._bernoulli_log_prob(logit, x),
        lambda logit: _log_prob(logit, x), (logit,))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_statistics(dtype):
    p = _checks.rng().uniform(0.1, 0.9, (2, 3)).astype(dtype)
    p64 = numpy.float64(p)
    d = D.Bernoulli(p=p)
    _checks.assert_close(d.mean, p, dtype)
    _checks.assert_close(d.variance, p64 * (1 - p64), dtype)
    _checks.assert_close(d.stddev, numpy.sqrt(p64 * (1 - p64)), dtype)
    _checks.assert_close(d.logit, numpy.log(p64 / (1 - p64)), dtype)
    _checks.check_function(
        lambda p: D.Bernoulli(p=p).entropy,
        lambda p: -p * numpy.log(p) - (1 - p) * numpy.log(1 - p), (p,))
    assert d.batch_shape == (2, 3)
    assert d.event_shape == ()
    assert d.support == '{0, 1}'
    assert list(d.params) == ['logit']


def test_entropy_at_certain_outcomes():
    d = D.Bernoulli(p=numpy.array([0., 1.], numpy.float32))
    numpy.testing.assert_array_equal(d.entropy.array, [0., 0.])


def test_sampling():
    p = _checks.rng().uniform(0.1, 0.9, (2, 3)).astype(numpy.float32)
    d = D.Bernoulli(p=p)
    _checks.check_sample_shapes(d)
    samples = d.sample(10).array
    assert set(numpy.unique(samples)) <= {0, 1}
    _checks.check_sample_moments(d, p, numpy.float64(p) * (1 - p))
    _checks.check_entropy_by_sampling(d)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    rng = _checks.rng()
    logit1 = rng.uniform(-2, 2, (2, 3)).astype(dtype)
    logit2 = rng.uniform(-2, 2, (2, 3)).astype(dtype)

    def reference(l1, l2):
        p1, p2 = 1 / (1 + numpy.exp(-l1)), 1 / (1 + numpy.exp(-l2))
        return (p1 * numpy.log(p1 / p2)
                + (1 - p1) * numpy.log((1 - p1) / (1 - p2)))

    _checks.check_function(
        lambda l1, l2: chainer_lite.kl_divergence(
            D.Bernoulli(logit=l1), D.Bernoulli(logit=l2)),
        reference, (logit1, logit2))
    _checks.check_kl_by_sampling(D.Bernoulli(logit=logit1),
                                 D.Bernoulli(logit=logit2))


def test_cross_entropy():
    p = numpy.array([0.2, 0.6], numpy.float32)
    q = numpy.array([0.5, 0.9], numpy.float32)
    h = chainer_lite.cross_entropy(D.Bernoulli(p=p), D.Bernoulli(p=q))
    expected = -(p * numpy.log(q) + (1 - p) * numpy.log(1 - q))
    numpy.testing.assert_allclose(h.array, expected, rtol=1e-5)


def test_requires_exactly_one_parameter():
    message = 'Either `p` or `logit` (not both) must have a value.'
    with pytest.raises(ValueError) as e:
        D.Bernoulli()
    assert str(e.value) == message
    with pytest.raises(ValueError):
        D.Bernoulli(p=numpy.zeros(1), logit=numpy.zeros(1))
