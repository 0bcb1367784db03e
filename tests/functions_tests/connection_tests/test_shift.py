"""F.shift against per-group shifts written out by hand."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _reference(x, ksize, dilate):
    kh, kw = ksize
    n_groups = kh * kw
    size = x.shape[1] // n_groups
    y = numpy.zeros_like(x)
    h, w = x.shape[2:]
    for i in range(n_groups):
        g = {(n_groups - 1) // 2: n_groups - 1,
             n_groups - 1: (n_groups - 1) // 2}.get(i, i)
        dy = (g // kw - kh // 2) * dilate[0]
        dx = (g % kw - kw // 2) * dilate[1]
        stop = (i + 1) * size if i < n_groups - 1 else x.shape[1]
        for r in range(h):
            for q in range(w):
                if 0 <= r - dy < h and 0 <= q - dx < w:
                    y[:, i * size:stop, r, q] = x[:, i * size:stop,
                                                  r - dy, q - dx]
    return y


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_shift(dtype, data):
    ksize = (data.draw(st.sampled_from([1, 3, 5])),
             data.draw(st.sampled_from([1, 3])))
    dilate = (data.draw(st.integers(1, 3)), data.draw(st.integers(1, 2)))
    c = ksize[0] * ksize[1] + data.draw(st.integers(0, 3))
    shape = (data.draw(st.integers(1, 2)), c, data.draw(st.integers(1, 4)),
             data.draw(st.integers(1, 4)))
    x, = data.draw(gradients.inputs(dtype, st.just((shape,))))
    gradients.check_function(
        lambda x: F.shift(x, ksize, dilate),
        lambda x: _reference(x, ksize, dilate), (x,))


def test_errors():
    with pytest.raises(ValueError, match='kh must be odd'):
        F.shift(numpy.ones((1, 9, 3, 3), numpy.float32), ksize=(2, 3))
    with pytest.raises(type_check.InvalidType):
        F.shift(numpy.ones((1, 8, 3, 3), numpy.float32), ksize=3)
