"""F.average_pooling_2d / average_pooling_nd against loops over windows."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients

from . import naive


@st.composite
def pooling_cases(draw, ndim):
    ints = st.integers
    ksize = tuple(draw(ints(1, 3)) for _ in range(ndim))
    stride = tuple(draw(ints(1, 3)) for _ in range(ndim))
    pad = tuple(draw(ints(0, k - 1)) for k in ksize)
    dims = tuple(draw(ints(max(1, k - 2 * p), 5 if ndim < 3 else 3))
                 for k, p in zip(ksize, pad))
    return dict(shape=(draw(ints(1, 2)), draw(ints(1, 2))) + dims,
                ksize=ksize, stride=stride, pad=pad)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_average_pooling_2d(dtype, data):
    case = data.draw(pooling_cases(2))
    x, = data.draw(gradients.inputs(dtype, st.just((case.pop('shape'),))))
    k = numpy.prod(case['ksize'])
    gradients.check_function(
        lambda x: F.average_pooling_2d(x, **case),
        lambda x: naive.pool(x, cover_all=False,
                             reduce=lambda w: w.sum(axis=-1) / k, **case),
        (x,))


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('ndim', [1, 3])
@pytest.mark.parametrize('pad_value', [0, None])
@hypothesis.given(data=st.data())
def test_average_pooling_nd(dtype, ndim, pad_value, data):
    case = data.draw(pooling_cases(ndim))
    x, = data.draw(gradients.inputs(dtype, st.just((case.pop('shape'),))))
    k = numpy.prod(case['ksize'])

    def mean(w):
        # pad_value=None averages over the real (in-bounds) elements only.
        return w.sum(axis=-1) / (k if pad_value == 0 else w.shape[-1])

    gradients.check_function(
        lambda x: F.average_pooling_nd(x, pad_value=pad_value, **case),
        lambda x: naive.pool(x, cover_all=False, reduce=mean, **case),
        (x,))


def test_errors():
    x = numpy.ones((1, 1, 4), numpy.float32)
    with pytest.raises(ValueError, match='pad_value must be'):
        F.average_pooling_nd(x, 2, pad_value=1)
    with pytest.raises(ValueError, match='should be 3'):
        F.average_pooling_3d(x, 2)
    assert F.average_pooling_1d(x, 2).shape == (1, 1, 2)
