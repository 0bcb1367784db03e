"""F.space2depth and F.depth2space: inverse rearrangements."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _depth2space(x, r):
    # Output pixel (y * r + i, x * r + j) of channel c reads input channel
    # (i * r + j) * C + c at (y, x).
    n, crr, h, w = x.shape
    c = crr // (r * r)
    y = numpy.empty((n, c, h * r, w * r), x.dtype)
    for i in range(r):
        for j in range(r):
            y[:, :, i::r, j::r] = x[:, (i * r + j) * c:(i * r + j + 1) * c]
    return y


def _space2depth(x, r):
    n, c, hr, wr = x.shape
    y = numpy.empty((n, c * r * r, hr // r, wr // r), x.dtype)
    for i in range(r):
        for j in range(r):
            y[:, (i * r + j) * c:(i * r + j + 1) * c] = x[:, :, i::r, j::r]
    return y


@st.composite
def _shape_and_r(draw, depth):
    r = draw(st.integers(1, 3))
    n, c, h, w = (draw(st.integers(1, 2)) for _ in range(4))
    if depth:
        return r, (n, c * r * r, h, w)
    return r, (n, c, h * r, w * r)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_depth2space(dtype, data):
    r, shape = data.draw(_shape_and_r(True))
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    gradients.check_function(
        lambda x: F.depth2space(x, r), lambda x: _depth2space(x, r), (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_space2depth(dtype, data):
    r, shape = data.draw(_shape_and_r(False))
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    gradients.check_function(
        lambda x: F.space2depth(x, r), lambda x: _space2depth(x, r), (x,))


def test_round_trip():
    x = numpy.random.uniform(size=(2, 8, 3, 2)).astype(numpy.float32)
    y = F.space2depth(F.depth2space(x, 2), 2)
    numpy.testing.assert_array_equal(y.array, x)


@pytest.mark.parametrize('func', [F.depth2space, F.space2depth])
@pytest.mark.parametrize('x', [numpy.zeros((1, 4, 2), 'f'),
                               numpy.zeros((1, 4, 2, 2), 'i')])
def test_invalid(func, x):
    with pytest.raises(type_check.InvalidType):
        func(x, 2)
