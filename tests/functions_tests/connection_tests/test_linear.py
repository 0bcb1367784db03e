"""F.linear against ``x W^T + b``."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('nobias', [False, True])
@hypothesis.given(data=st.data())
def test_linear(dtype, nobias, data):
    n_batch_axes = data.draw(st.integers(1, 2), label='n_batch_axes')
    batch = data.draw(st.lists(st.integers(1, 3), min_size=n_batch_axes,
                               max_size=n_batch_axes).map(tuple))
    features = data.draw(st.lists(st.integers(1, 3), min_size=1,
                                  max_size=2).map(tuple))
    out_size = data.draw(st.integers(1, 3))
    in_size = int(numpy.prod(features))
    shapes = (batch + features, (out_size, in_size))
    if not nobias:
        shapes += ((out_size,),)
    inputs = data.draw(gradients.inputs(dtype, st.just(shapes)))

    def reference(x, W, b=None):
        y = x.reshape(batch + (in_size,)).dot(W.T)
        return y if b is None else y + b

    gradients.check_function(
        lambda *args: F.linear(*args, n_batch_axes=n_batch_axes),
        reference, inputs)


@pytest.mark.parametrize('x_dtype,w_dtype', [
    (numpy.float16, numpy.float64), (numpy.float64, numpy.float16)])
def test_mixed_dtypes(x_dtype, w_dtype):
    x = chainer_lite.Variable(numpy.arange(6).reshape(2, 3).astype(x_dtype))
    W = chainer_lite.Variable(numpy.ones((4, 3), w_dtype))
    y = F.linear(x, W)
    assert y.dtype == x_dtype
    numpy.testing.assert_array_equal(y.array, [[3] * 4, [12] * 4])
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert x.grad.dtype == x_dtype and W.grad.dtype == w_dtype
    numpy.testing.assert_array_equal(W.grad, [[3, 5, 7]] * 4)


def test_errors():
    x = numpy.ones((3, 3, 5), numpy.float32)
    W = numpy.ones((2, 15), numpy.float32)
    for n_batch_axes in (0, -1):
        with pytest.raises(ValueError, match='n_batch_axes'):
            F.linear(x, W, n_batch_axes=n_batch_axes)
    with pytest.raises(type_check.InvalidType,
                       match=r'x\.shape\[1\] == W\.shape\[1\]'):
        F.linear(x, numpy.ones((2, 14), numpy.float32))
    with pytest.raises(type_check.InvalidType, match=r'b\.dtype == x\.dtype'):
        F.linear(x, W, numpy.ones(2, numpy.float64))
