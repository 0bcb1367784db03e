import numpy
import pytest

import chainer_lite
from chainer_lite import distribution
from chainer_lite import distributions as D


class _Dirac(chainer_lite.Distribution):
    """A point mass: just enough of a distribution to test the base class."""

    def __init__(self, point):
        self.point = chainer_lite.as_variable(point)

    @property
    def batch_shape(self):
        return self.point.shape[:-1]

    @property
    def event_shape(self):
        return self.point.shape[-1:]

    @property
    def params(self):
        return {'point': self.point}

    def sample_n(self, n):
        return chainer_lite.functions.broadcast_to(
            self.point, (n,) + self.point.shape)


class _Atom(_Dirac):
    pass


def test_top_level_names():
    assert chainer_lite.Distribution is distribution.Distribution
    assert chainer_lite.kl_divergence is distribution.kl_divergence
    assert chainer_lite.register_kl is distribution.register_kl
    assert chainer_lite.cross_entropy is distribution.cross_entropy
    assert chainer_lite.distributions is D


@pytest.mark.parametrize('name', [
    'batch_shape', 'covariance', 'entropy', 'event_shape', 'mean', 'mode',
    'params', 'stddev', 'support', 'variance'])
def test_properties_are_abstract(name):
    with pytest.raises(NotImplementedError):
        getattr(distribution.Distribution(), name)


@pytest.mark.parametrize('name', [
    'cdf', 'icdf', 'log_cdf', 'log_prob', 'log_survival_function',
    'perplexity', 'prob', 'survival_function', 'sample_n'])
def test_methods_are_abstract(name):
    with pytest.raises(NotImplementedError):
        getattr(distribution.Distribution(), name)(1)


@pytest.mark.parametrize('sample_shape,expected', [
    ((), (4, 2)),
    (3, (3, 4, 2)),
    ((3,), (3, 4, 2)),
    (numpy.int64(3), (3, 4, 2)),
    ((2, 3), (2, 3, 4, 2)),
    ([2, 3], (2, 3, 4, 2)),
])
def test_sample_reshapes_sample_n(sample_shape, expected):
    point = numpy.arange(8, dtype=numpy.float32).reshape(4, 2)
    samples = _Dirac(point).sample(sample_shape)
    assert samples.shape == expected
    numpy.testing.assert_array_equal(
        samples.array, numpy.broadcast_to(point, expected))


def test_xp_follows_the_parameters():
    assert _Dirac(numpy.zeros((1, 2), numpy.float32)).xp is numpy


def test_register_kl_and_lookup():
    @chainer_lite.register_kl(_Dirac, _Dirac)
    def _kl_dirac_dirac(p, q):
        same = (p.point.array == q.point.array).all(axis=-1)
        return chainer_lite.as_variable(numpy.where(same, 0., numpy.inf))

    try:
        # The decorator gives the function back.
        assert callable(_kl_dirac_dirac)
        p = _Dirac(numpy.array([[1., 2.], [3., 4.]]))
        q = _Dirac(numpy.array([[1., 2.], [0., 4.]]))
        numpy.testing.assert_array_equal(
            chainer_lite.kl_divergence(p, q).array, [0., numpy.inf])
        # A subclass uses the divergence of its nearest registered bases.
        numpy.testing.assert_array_equal(
            chainer_lite.kl_divergence(_Atom(p.point), q).array,
            [0., numpy.inf])
    finally:
        del distribution._KLDIVERGENCE[_Dirac, _Dirac]


def test_kl_divergence_of_unregistered_pair():
    p = D.Normal(numpy.zeros(2, numpy.float32), numpy.ones(2, numpy.float32))
    q = D.Laplace(numpy.zeros(2, numpy.float32), numpy.ones(2, numpy.float32))
    with pytest.raises(KeyError):
        chainer_lite.kl_divergence(p, q)


def test_every_distribution_has_its_kl_registered():
    registered = {pair for pair in distribution._KLDIVERGENCE
                  if pair[0] is pair[1]}
    without_kl = {D.Cauchy, D.Chisquare}
    for name in dir(D):
        cls = getattr(D, name)
        if isinstance(cls, type) and cls not in without_kl:
            assert (cls, cls) in registered, name


def test_cross_entropy_is_entropy_plus_kl():
    p = D.Normal(numpy.array([0., 1.], numpy.float32),
                 numpy.array([1., 2.], numpy.float32))
    q = D.Normal(numpy.array([1., 0.], numpy.float32),
                 numpy.array([0.5, 1.], numpy.float32))
    h = chainer_lite.cross_entropy(p, q)
    numpy.testing.assert_allclose(
        h.array, p.entropy.array + chainer_lite.kl_divergence(p, q).array,
        rtol=1e-6)
    # -E_p[log q] by Monte Carlo.
    numpy.random.seed(0)
    estimate = -q.log_prob(p.sample(200000)).array.mean(axis=0)
    numpy.testing.assert_allclose(h.array, estimate, rtol=1e-2)


def test_cached_statistics_follow_backprop_mode():
    loc = chainer_lite.Variable(numpy.zeros(2, numpy.float32))
    d = D.Normal(loc, numpy.ones(2, numpy.float32))
    assert d.mean is d.mean
    with chainer_lite.no_backprop_mode():
        assert d.variance.creator is None
    assert d.variance.creator is not None
