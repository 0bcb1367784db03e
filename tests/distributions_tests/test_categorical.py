import numpy
import pytest

import chainer_lite
from chainer_lite import distributions as D

from distributions_tests import _checks


def _probabilities(shape, dtype, seed=0):
    p = _checks.rng(seed).uniform(0.2, 1, shape)
    return (p / p.sum(axis=-1, keepdims=True)).astype(dtype)


def _select(log_p, x):
    # log_p[..., x] for each batch element.
    return numpy.take_along_axis(
        numpy.broadcast_to(log_p, x.shape + log_p.shape[-1:]),
        x[..., None].astype(numpy.intp), axis=-1)[..., 0]


@pytest.mark.parametrize('batch_shape', [(), (3,), (2, 3)])
@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_log_prob(batch_shape, dtype):
    p = _probabilities(batch_shape + (4,), dtype)
    x = _checks.rng(1).randint(0, 4, (2,) + batch_shape).astype(numpy.int32)
    _checks.check_log_prob(D.Categorical,
                           lambda p, x: _select(numpy.log(p), x),
                           (p,), x, x_differentiable=False)
    logit = _checks.rng(2).normal(size=batch_shape + (4,)).astype(dtype)

    def log_softmax(logit):
        shifted = logit - logit.max(-1, keepdims=True)
        return shifted - numpy.log(numpy.exp(shifted).sum(-1, keepdims=True))

    _checks.check_log_prob(lambda logit: D.Categorical(logit=logit),
                           lambda logit, x: _select(log_softmax(logit), x),
                           (logit,), x, x_differentiable=False)


def test_log_prob_of_variable_points():
    p = _probabilities((2, 3), numpy.float32)
    x = numpy.array([[0, 2], [1, 1]], numpy.int32)
    d = D.Categorical(p)
    numpy.testing.assert_array_equal(
        d.log_prob(chainer_lite.Variable(x)).array, d.log_prob(x).array)


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_entropy(dtype):
    p = _probabilities((2, 3), dtype)
    _checks.check_function(lambda p: D.Categorical(p).entropy,
                           lambda p: -(p * numpy.log(p)).sum(-1), (p,))
    d = D.Categorical(p)
    assert d.batch_shape == (2,)
    assert d.event_shape == ()
    assert list(d.params) == ['p']


def test_entropy_with_zero_probabilities():
    d = D.Categorical(numpy.array([[0., 1.], [0.5, 0.5]], numpy.float32))
    numpy.testing.assert_allclose(d.entropy.array, [0., numpy.log(2)],
                                  rtol=1e-6)


def test_sampling():
    p = numpy.array([[0.1, 0.6, 0.3], [0.5, 0., 0.5]], numpy.float32)
    d = D.Categorical(p)
    _checks.check_sample_shapes(d)
    samples = d.sample(20000).array
    assert samples.dtype.kind == 'i'
    assert not (samples[:, 1] == 1).any()  # a class of probability 0
    for k in range(3):
        _checks.check_monte_carlo(samples == k, p[:, k], atol=1e-6)
    _checks.check_entropy_by_sampling(D.Categorical(_probabilities(
        (2, 5), numpy.float32)))


@pytest.mark.parametrize('dtype', _checks.DTYPES)
def test_kl_divergence(dtype):
    p1 = _probabilities((2, 3), dtype)
    p2 = _probabilities((2, 3), dtype, seed=1)
    _checks.check_kl_by_sampling(D.Categorical(p1), D.Categorical(p2))
    _checks.check_function(
        lambda p1, p2: chainer_lite.kl_divergence(D.Categorical(p1),
                                                  D.Categorical(p2)),
        lambda p1, p2: (p1 * numpy.log(p1 / p2)).sum(-1), (p1, p2))


def test_requires_exactly_one_parameter():
    with pytest.raises(ValueError) as e:
        D.Categorical()
    assert str(e.value) == \
        'Either `p` or `logit` (not both) must have a value.'
    p = _probabilities((3,), numpy.float32)
    with pytest.raises(ValueError):
        D.Categorical(p, logit=p)
    with pytest.raises(TypeError):
        D.Categorical(p, foo=p)
