"""Constant, Zero, One, NaN and Identity initializers."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite import initializers


@pytest.mark.parametrize('init,value', [
    (initializers.Zero(), 0.),
    (initializers.One(), 1.),
    (initializers.Constant(2.5), 2.5),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_fill(init, value, dtype):
    a = numpy.empty((2, 3), dtype)
    init(a)
    assert a.dtype == dtype
    numpy.testing.assert_array_equal(a, numpy.full((2, 3), value, dtype))


def test_nan():
    a = numpy.zeros(4, numpy.float32)
    initializers.NaN()(a)
    assert numpy.isnan(a).all()


def test_constant_array_broadcasts_and_casts():
    a = numpy.empty((2, 3), numpy.float32)
    initializers.Constant(numpy.array([1, 2, 3]))(a)
    numpy.testing.assert_array_equal(a, [[1, 2, 3], [1, 2, 3]])
    assert a.dtype == numpy.float32


def test_constant_into_int_array():
    a = numpy.empty((2,), numpy.int32)
    initializers.Constant(7)(a)
    numpy.testing.assert_array_equal(a, [7, 7])


def test_constant_rejects_non_scalar():
    with pytest.raises(ValueError, match='fill_value must be'):
        initializers.Constant([1, 2])


def test_dtype_mismatch_asserts():
    with pytest.raises(AssertionError):
        initializers.Zero(numpy.float64)(numpy.empty(2, numpy.float32))


@hypothesis.given(n=st.integers(1, 5), scale=st.floats(-3, 3))
@hypothesis.settings(max_examples=15, deadline=None)
def test_identity(n, scale):
    a = numpy.empty((n, n), numpy.float64)
    initializers.Identity(scale)(a)
    numpy.testing.assert_array_equal(a, numpy.identity(n) * scale)


@pytest.mark.parametrize('shape', [(2, 3), (3,), (2, 2, 2)])
def test_identity_needs_square_matrix(shape):
    with pytest.raises(ValueError, match='2D squared'):
        initializers.Identity()(numpy.empty(shape))
