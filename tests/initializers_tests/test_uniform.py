"""Uniform, LeCunUniform, GlorotUniform, HeUniform: same draws as Chainer."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite import initializers


def _fans(shape):
    receptive = int(numpy.prod(shape[2:]))
    return shape[1] * receptive, shape[0] * receptive


# (initializer factory, interval bound as a function of (fan_in, fan_out))
_CASES = {
    'Uniform': (lambda **kw: initializers.Uniform(0.3, **kw),
                lambda fi, fo: 0.3),
    'LeCunUniform': (lambda **kw: initializers.LeCunUniform(**kw),
                     lambda fi, fo: numpy.sqrt(3. / fi)),
    'GlorotUniform': (lambda **kw: initializers.GlorotUniform(1.5, **kw),
                      lambda fi, fo: 1.5 * numpy.sqrt(6. / (fi + fo))),
    'HeUniform': (lambda **kw: initializers.HeUniform(**kw),
                  lambda fi, fo: numpy.sqrt(6. / fi)),
}

_shapes = st.tuples(st.integers(1, 5), st.integers(1, 5)).flatmap(
    lambda s: st.sampled_from([s, s + (3,)]))


@pytest.mark.parametrize('name', sorted(_CASES))
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@hypothesis.given(shape=_shapes, seed=st.integers(0, 2 ** 31 - 1))
@hypothesis.settings(max_examples=10, deadline=None)
def test_same_draws_as_numpy_global_state(name, dtype, shape, seed):
    make, bound = _CASES[name]
    s = bound(*_fans(shape))
    a = numpy.empty(shape, dtype)
    numpy.random.seed(seed)
    make()(a)
    numpy.random.seed(seed)
    expected = numpy.random.uniform(low=-s, high=s, size=shape).astype(dtype)
    numpy.testing.assert_array_equal(a, expected)
    assert (numpy.abs(a.astype(numpy.float64)) <= s * (1 + 1e-3)).all()


@pytest.mark.parametrize('name', sorted(_CASES))
def test_rng_argument(name):
    make, bound = _CASES[name]
    shape = (4, 5)
    s = bound(*_fans(shape))
    a = numpy.empty(shape, numpy.float64)
    make(rng=numpy.random.RandomState(3))(a)
    expected = numpy.random.RandomState(3).uniform(-s, s, shape)
    numpy.testing.assert_array_equal(a, expected)


def test_uniform_statistics():
    a = numpy.empty((300, 300), numpy.float64)
    numpy.random.seed(1)
    initializers.Uniform(2.0)(a)
    assert a.min() >= -2.0 and a.max() <= 2.0
    # The variance of U(-s, s) is s^2 / 3.
    assert abs(a.var() / (4.0 / 3) - 1) < 0.02
