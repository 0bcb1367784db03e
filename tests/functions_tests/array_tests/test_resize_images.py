"""F.resize_images: bilinear and nearest sampling, and gradients."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _source_coordinates(out_size, in_size, mode, align_corners):
    i = numpy.arange(out_size, dtype=numpy.float64)
    if mode == 'nearest':
        return numpy.minimum(numpy.floor(i * in_size / out_size), in_size - 1)
    if align_corners:
        if out_size == 1:
            return numpy.zeros(1)
        return i * (in_size - 1) / (out_size - 1)
    return numpy.maximum((i + 0.5) * in_size / out_size - 0.5, 0)


def _reference(x, out_shape, mode, align_corners):
    # Separable interpolation: a matrix per axis.
    mats = []
    for out_size, in_size in zip(out_shape, x.shape[2:]):
        pos = _source_coordinates(out_size, in_size, mode, align_corners)
        lo = numpy.floor(pos).astype(int)
        hi = numpy.minimum(lo + 1, in_size - 1)
        frac = pos - lo
        m = numpy.zeros((out_size, in_size))
        numpy.add.at(m, (numpy.arange(out_size), lo), 1 - frac)
        numpy.add.at(m, (numpy.arange(out_size), hi), frac)
        mats.append(m)
    return numpy.einsum('yh,xw,nchw->ncyx', mats[0], mats[1], x)


@pytest.mark.parametrize('mode', ['bilinear', 'nearest'])
@pytest.mark.parametrize('align_corners', [True, False])
@hypothesis.given(data=st.data())
def test_resize_images(mode, align_corners, data):
    shape = (data.draw(st.integers(1, 2)), data.draw(st.integers(1, 2)),
             data.draw(st.integers(1, 5)), data.draw(st.integers(1, 5)))
    out_shape = (data.draw(st.integers(1, 6)), data.draw(st.integers(1, 6)))
    x, = data.draw(gradients.inputs(numpy.float32, st.just((shape,))))
    gradients.check_function(
        lambda x: F.resize_images(x, out_shape, mode=mode,
                                  align_corners=align_corners),
        lambda x: _reference(x, out_shape, mode, align_corners), (x,))


def test_identity():
    x = numpy.random.uniform(size=(2, 3, 4, 5)).astype(numpy.float32)
    for mode in ('bilinear', 'nearest'):
        y = F.resize_images(x, (4, 5), mode=mode)
        numpy.testing.assert_allclose(y.array, x)


@pytest.mark.parametrize('x', [numpy.zeros((1, 1, 2, 2), 'd'),
                               numpy.zeros((1, 2, 2), 'f')])
def test_invalid(x):
    with pytest.raises(type_check.InvalidType):
        F.resize_images(x, (3, 3))
