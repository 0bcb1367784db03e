"""F.max_pooling_nd / max_pooling_2d against loops over windows."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
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
    cover_all = draw(st.booleans())
    # With cover_all (or big strides) a window may lie wholly in the padding;
    # its max is -inf, which gradient checks cannot handle.
    hypothesis.assume(all(
        all(s.stop > s.start for s in window)
        for _, window in naive.windows(dims, ksize, stride, pad, cover_all)))
    return dict(shape=(draw(ints(1, 2)), draw(ints(1, 2))) + dims,
                ksize=ksize, stride=stride, pad=pad, cover_all=cover_all)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('ndim', [1, 2, 3])
@hypothesis.given(data=st.data())
def test_max_pooling_nd(dtype, ndim, data):
    case = data.draw(pooling_cases(ndim))
    rng = numpy.random.RandomState(data.draw(st.integers(0, 2 ** 16)))
    x = naive.distinct_values(case['shape'], dtype, rng)
    options = dict(ksize=case['ksize'], stride=case['stride'],
                   pad=case['pad'], cover_all=case['cover_all'])
    func = F.max_pooling_2d if ndim == 2 else F.max_pooling_nd
    gradients.check_function(
        lambda x: func(x, **options),
        lambda x: naive.pool(x, reduce=lambda w: w.max(axis=-1), **options),
        (x,), tolerances={'backward': {'eps': 1e-2},
                          'double_backward': {'eps': 1e-2}})


def test_indices_and_ties():
    # Ties go to the first maximum in the window (row-major), like argmax.
    x = numpy.array([[[[1, 3, 3, 0],
                       [3, 2, 1, 1],
                       [0, 0, 5, 5],
                       [0, 0, 5, 5]]]], numpy.float32)
    y, indexes = F.max_pooling_2d(x, 2, return_indices=True)
    numpy.testing.assert_array_equal(y.array, [[[[3, 3], [0, 5]]]])
    numpy.testing.assert_array_equal(indexes, [[[[1, 0], [0, 0]]]])
    # The gradient goes to the chosen element only.
    xv = chainer_lite.Variable(x)
    y = F.max_pooling_2d(xv, 2)
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert xv.grad.sum() == 4 and xv.grad[0, 0, 0, 1] == 1


def test_padding_is_minus_infinity():
    x = -numpy.ones((1, 1, 2, 2), numpy.float32)
    y = F.max_pooling_2d(x, 3, stride=1, pad=1, cover_all=False)
    numpy.testing.assert_array_equal(y.array, -numpy.ones((1, 1, 2, 2)))


@pytest.mark.parametrize('func,ndim', [
    (F.max_pooling_1d, 1), (F.max_pooling_2d, 2), (F.max_pooling_3d, 3)])
def test_fixed_ndim_wrappers(func, ndim):
    x = numpy.ones((1, 2) + (4,) * ndim, numpy.float32)
    assert func(x, 2).shape == (1, 2) + (2,) * ndim
    with pytest.raises(ValueError, match='should be {}'.format(ndim)):
        func(numpy.ones((1, 2) + (4,) * (ndim % 3 + 1), numpy.float32), 2)


def test_type_errors():
    with pytest.raises(type_check.InvalidType):
        F.max_pooling_2d(numpy.ones((1, 1, 2, 2), numpy.int32), 2)
    with pytest.raises(ValueError, match='at least one spatial'):
        F.max_pooling_nd(numpy.ones((1, 1), numpy.float32), 2)
