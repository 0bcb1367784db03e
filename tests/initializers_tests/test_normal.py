"""Normal, LeCunNormal, GlorotNormal, HeNormal: same draws as Chainer."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite import initializers


def _fans(shape):
    receptive = int(numpy.prod(shape[2:]))
    return shape[1] * receptive, shape[0] * receptive


# (initializer factory, std as a function of (fan_in, fan_out))
_CASES = {
    'Normal': (lambda **kw: initializers.Normal(0.3, **kw),
               lambda fi, fo: 0.3),
    'LeCunNormal': (lambda **kw: initializers.LeCunNormal(2.0, **kw),
                    lambda fi, fo: 2.0 * numpy.sqrt(1. / fi)),
    'GlorotNormal': (lambda **kw: initializers.GlorotNormal(**kw),
                     lambda fi, fo: numpy.sqrt(2. / (fi + fo))),
    'HeNormal': (lambda **kw: initializers.HeNormal(**kw),
                 lambda fi, fo: numpy.sqrt(2. / fi)),
    'HeNormal_fan_out': (
        lambda **kw: initializers.HeNormal(fan_option='fan_out', **kw),
        lambda fi, fo: numpy.sqrt(2. / fo)),
}

_shapes = st.tuples(st.integers(1, 5), st.integers(1, 5)).flatmap(
    lambda s: st.sampled_from([s, s + (2,), s + (2, 3)]))


@pytest.mark.parametrize('name', sorted(_CASES))
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@hypothesis.given(shape=_shapes, seed=st.integers(0, 2 ** 31 - 1))
@hypothesis.settings(max_examples=10, deadline=None)
def test_same_draws_as_numpy_global_state(name, dtype, shape, seed):
    # The values are numpy.random.normal(0, std, shape) cast to the dtype,
    # drawn from the global random state.
    make, std = _CASES[name]
    a = numpy.empty(shape, dtype)
    numpy.random.seed(seed)
    make()(a)
    numpy.random.seed(seed)
    expected = numpy.random.normal(
        loc=0.0, scale=std(*_fans(shape)), size=shape).astype(dtype)
    assert a.dtype == dtype
    numpy.testing.assert_array_equal(a, expected)


@pytest.mark.parametrize('name', sorted(_CASES))
def test_rng_argument(name):
    make, std = _CASES[name]
    shape = (3, 4)
    a = numpy.empty(shape, numpy.float32)
    make(rng=numpy.random.RandomState(7))(a)
    expected = numpy.random.RandomState(7).normal(
        0.0, std(*_fans(shape)), shape).astype(numpy.float32)
    numpy.testing.assert_array_equal(a, expected)


@pytest.mark.parametrize('name', sorted(_CASES))
def test_statistics(name):
    make, std = _CASES[name]
    shape = (200, 300)
    a = numpy.empty(shape, numpy.float64)
    numpy.random.seed(0)
    make()(a)
    expected_std = std(*_fans(shape))
    assert abs(a.mean()) < 0.02 * expected_std * 10
    assert abs(a.std() / expected_std - 1) < 0.02


def test_unknown_keyword():
    with pytest.raises(TypeError, match='unexpected keyword'):
        initializers.Normal(foo=1)


def test_invalid_fan_option():
    with pytest.raises(ValueError, match='fan_option'):
        initializers.HeNormal(fan_option='fan_avg')(numpy.empty((2, 2)))


def test_dtype_mismatch():
    with pytest.raises(AssertionError):
        initializers.LeCunNormal(dtype=numpy.float64)(
            numpy.empty((2, 2), numpy.float32))


def test_fan_needs_two_axes():
    with pytest.raises(ValueError):
        initializers.LeCunNormal()(numpy.empty((3,), numpy.float32))
