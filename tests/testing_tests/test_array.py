"""testing.assert_allclose and the non-contiguous array helper."""
import hypothesis
import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite import testing
from chainer_lite.testing import array as array_module


def test_equal_arrays_and_scalars_pass():
    testing.assert_allclose(numpy.arange(3.), numpy.arange(3.), atol=0, rtol=0)
    testing.assert_allclose(1.0, numpy.array(1.0))
    testing.assert_allclose(numpy.full((2, 2), 3.0), 3.0)


def test_tolerance_is_atol_plus_rtol_times_y():
    x = numpy.array([1.0, 2.0])
    y = numpy.array([1.1, 2.0])
    testing.assert_allclose(x, y, atol=0.1 + 1e-9, rtol=0)
    testing.assert_allclose(x, y, atol=0, rtol=0.1 / 1.1 + 1e-9)
    with pytest.raises(AssertionError):
        testing.assert_allclose(x, y, atol=0.05, rtol=0.04)


def test_failure_report():
    x = numpy.array([1.0, 5.0], numpy.float32)
    y = numpy.array([1.0, 4.0], numpy.float32)
    with pytest.raises(AssertionError) as e:
        testing.assert_allclose(x, y, atol=0.5, rtol=0.1)
    message = str(e.value)
    for line in ('assert_allclose failed:\n', '  shape: (2,) (2,)\n',
                 '  dtype: float32 float32\n', '  i: (1,)\n',
                 '  x[i]: 5.0\n', '  y[i]: 4.0\n',
                 '  relative error[i]: 0.25\n', '  absolute error[i]: 1.0\n',
                 '  absolute tolerance: 0.5\n', '  total tolerance: 0.9',
                 'x: [1. 5.]\n', 'y: [1. 4.]\n'):
        assert line in message


def test_no_division_by_zero_when_y_is_zero():
    with numpy.errstate(divide='raise'):
        with pytest.raises(AssertionError, match='relative error\\[i\\]: inf'):
            testing.assert_allclose(numpy.array([1.0]), numpy.array([0.0]))


def test_shape_mismatch_fails():
    with pytest.raises(AssertionError, match='shape: \\(2,\\) \\(3,\\)'):
        testing.assert_allclose(numpy.zeros(2), numpy.zeros(3))


@hypothesis.given(hnp.arrays(
    st.sampled_from([numpy.float32, numpy.int32]),
    hnp.array_shapes(min_dims=0, max_dims=3, max_side=3)))
def test_as_noncontiguous_array(a):
    b = array_module._as_noncontiguous_array(a)
    numpy.testing.assert_array_equal(a, b)
    assert b.dtype == a.dtype
    if a.size > 1:
        assert not b.flags.c_contiguous
    c, d = array_module._as_noncontiguous_array((a, None))
    assert d is None
    numpy.testing.assert_array_equal(a, c)
