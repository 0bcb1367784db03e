"""F.as_strided: views of the underlying memory and their gradients."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.functions.array import as_strided
from helpers import gradients


def _grad(x, shape, strides, offset):
    v = chainer_lite.Variable(x)
    y = F.as_strided(v, shape, strides, offset)
    gx, = chainer_lite.grad([y], [v], [numpy.ones(shape, x.dtype)])
    return gx.array


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES + (numpy.int32,))
def test_stride_array_views_the_allocation(dtype):
    x = numpy.arange(8, dtype=dtype)
    view = x[::-1][2:]        # its own view is ignored
    y = as_strided._stride_array(view, (3, 3), (-1, 2), 3)
    assert y.tolist() == [[3, 5, 7], [2, 4, 6], [1, 3, 5]]
    assert numpy.shares_memory(y, x)
    with pytest.raises(ValueError):
        as_strided._stride_array(x, (3, 3), (-1, 2), 1)
    with pytest.raises(ValueError):
        as_strided._stride_array(x, (2,), (4,), 5)


def test_default_offset_is_the_input_offset():
    x = numpy.arange(6.0)[2:]
    y = F.as_strided(x, (2,), (2,))
    assert y.array.tolist() == [2.0, 4.0]


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_gradient_of_overlapping_output_accumulates(dtype):
    x = numpy.arange(4, dtype=dtype)
    assert _grad(x, (3, 2), (1, 1), 0).tolist() == [1, 2, 2, 1]
    assert _grad(x, (2, 4), (0, 1), 0).tolist() == [2, 2, 2, 2]


def test_gradient_of_overlapping_input_is_shared():
    base = numpy.arange(8, dtype=numpy.float32)
    x = as_strided._stride_array(base, (3, 3), (-1, 2), 3)
    assert _grad(x, (3, 3), (1, 2), 0).tolist() == [
        [0.5, 0.5, 0.], [2., 2., 1.], [1., 0.5, 0.5]]


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_views_of_a_matrix(dtype, data):
    # Without memory overlap in the input the gradient is the transpose of
    # the gather; check it numerically on a contiguous input.
    n = data.draw(st.integers(1, 12))
    x, = data.draw(gradients.inputs(dtype, st.just(((n,),))))
    ndim = data.draw(st.integers(1, 2))
    shape = tuple(data.draw(st.integers(1, 3)) for _ in range(ndim))
    strides = tuple(data.draw(st.integers(-2, 2)) for _ in range(ndim))
    low = -sum((k - 1) * s for k, s in zip(shape, strides) if s < 0)
    high = n - 1 - sum((k - 1) * s for k, s in zip(shape, strides) if s > 0)
    hypothesis.assume(low <= high)
    offset = data.draw(st.integers(low, high))

    def reference(x):
        return numpy.lib.stride_tricks.as_strided(
            x[offset:], shape, [s * x.itemsize for s in strides]).copy()

    gradients.check_function(
        lambda x: F.as_strided(x, shape, strides, offset), reference,
        (x.copy(),), double_backward=False)


def test_integer_gradient_is_rejected():
    v = chainer_lite.Variable(numpy.arange(4, dtype=numpy.int32))
    y = F.as_strided(v, (4,), (-1,), 3)
    with pytest.raises(TypeError):
        chainer_lite.grad([y], [v], [numpy.ones(4, numpy.int32)])
