"""The ROI pooling family against loops over bins and sample points."""
import math

import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite import gradient_check
from chainer_lite.utils import type_check

from . import naive


def _bins(start, length, n, limit):
    stride = length / n
    for k in range(n):
        lo = min(max(math.floor(k * stride) + start, 0), limit)
        hi = min(max(math.ceil((k + 1) * stride) + start, 0), limit)
        yield k, lo, hi


def _integer_pooling(x, rois, batch, outsize, scale, reduce, empty,
                     inclusive):
    # rois: (y_min, x_min, y_max, x_max) per row.
    oh, ow = outsize
    h, w = x.shape[2:]
    y = numpy.full((len(rois), x.shape[1], oh, ow), empty, numpy.float64)
    for r, roi in enumerate(rois):
        y0, x0, y1, x1 = [int(numpy.round(v * scale)) for v in roi]
        extra = 1 if inclusive else 0
        for i, hs, he in _bins(y0, max(y1 - y0 + extra, 1), oh, h):
            for j, ws, we in _bins(x0, max(x1 - x0 + extra, 1), ow, w):
                if he > hs and we > ws:
                    patch = x[batch[r], :, hs:he, ws:we]
                    y[r, :, i, j] = reduce(patch.reshape(len(patch), -1))
    return y


def _bilinear(plane, yy, xx):
    # Chainer's bounds: samples more than a pixel outside are None.
    h, w = plane.shape[1:]
    if yy < -1 or yy > h or xx < -1 or xx > w:
        return None
    yy, xx = min(max(yy, 0), h - 1), min(max(xx, 0), w - 1)
    y0, x0 = min(int(yy), h - 1), min(int(xx), w - 1)
    y1, x1 = min(y0 + 1, h - 1), min(x0 + 1, w - 1)
    ly, lx = yy - y0, xx - x0
    return ((1 - ly) * (1 - lx) * plane[:, y0, x0]
            + (1 - ly) * lx * plane[:, y0, x1]
            + ly * (1 - lx) * plane[:, y1, x0] + ly * lx * plane[:, y1, x1])


def _align(x, rois, batch, outsize, scale, ratio, mode):
    oh, ow = outsize
    y = numpy.zeros((len(rois), x.shape[1], oh, ow))
    for r, roi in enumerate(rois):
        y0, x0, y1, x1 = roi.astype(numpy.float64) * scale
        rh, rw = max(y1 - y0, 1.), max(x1 - x0, 1.)
        gh = ratio[0] or math.ceil(rh / oh)
        gw = ratio[1] or math.ceil(rw / ow)
        for i in range(oh):
            for j in range(ow):
                samples = [_bilinear(
                    x[batch[r]],
                    y0 + i * rh / oh + (a + .5) * rh / oh / gh,
                    x0 + j * rw / ow + (b + .5) * rw / ow / gw)
                    for a in range(gh) for b in range(gw)]
                found = [s for s in samples if s is not None]
                if mode == 'average':
                    y[r, :, i, j] = sum(found, 0) / (gh * gw)
                else:
                    y[r, :, i, j] = (numpy.max(found, axis=0) if found
                                     else -numpy.inf)
    return y


@st.composite
def roi_cases(draw):
    n, c = draw(st.integers(1, 2)), draw(st.integers(1, 2))
    h, w = draw(st.integers(2, 7)), draw(st.integers(2, 7))
    n_rois = draw(st.integers(1, 3))
    coordinate = st.floats(-2, 9, allow_nan=False).map(
        lambda v: round(v * 4) / 4)
    rois = numpy.array([[draw(coordinate) for _ in range(4)]
                        for _ in range(n_rois)], numpy.float32)
    batch = numpy.array([draw(st.integers(0, n - 1))
                         for _ in range(n_rois)], numpy.int32)
    outsize = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    scale = draw(st.sampled_from([0.5, 1.0, 0.7]))
    x = naive.distinct_values((n, c, h, w), numpy.float32,
                              numpy.random.RandomState(draw(st.integers(
                                  0, 100))))
    return x, rois, batch, outsize, scale


@hypothesis.given(case=roi_cases())
def test_roi_max_and_average_pooling_2d(case):
    x, rois, batch, outsize, scale = case
    y = F.roi_max_pooling_2d(x, rois, batch, outsize, scale)
    numpy.testing.assert_array_equal(y.array, _integer_pooling(
        x, rois, batch, outsize, scale, lambda p: p.max(axis=1), -numpy.inf,
        False))
    y = F.roi_average_pooling_2d(x, rois, batch, outsize, scale)
    numpy.testing.assert_allclose(y.array, _integer_pooling(
        x, rois, batch, outsize, scale, lambda p: p.mean(axis=1), 0, False),
        rtol=1e-5, atol=1e-6)


@hypothesis.given(case=roi_cases())
def test_roi_pooling_2d(case):
    x, rois, batch, outsize, scale = case
    # The old interface: (batch, x_min, y_min, x_max, y_max), ends included.
    old = numpy.concatenate([batch[:, None], rois[:, [1, 0, 3, 2]]], axis=1)
    y = F.roi_pooling_2d(x, old.astype(numpy.float32), outsize[0],
                         outsize[1], scale)
    numpy.testing.assert_array_equal(y.array, _integer_pooling(
        x, rois, batch, outsize, scale, lambda p: p.max(axis=1), 0, True))


@hypothesis.given(case=roi_cases(), ratio=st.sampled_from(
    [(None, None), (1, 2), (2, None)]))
def test_roi_align_2d(case, ratio):
    x, rois, batch, outsize, scale = case
    for func, mode in ((F.roi_average_align_2d, 'average'),
                       (F.roi_max_align_2d, 'max')):
        y = func(x, rois, batch, outsize, scale, ratio)
        numpy.testing.assert_allclose(
            y.array, _align(x, rois, batch, outsize, scale, ratio, mode),
            rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize('func,args', [
    (F.roi_max_pooling_2d, ()), (F.roi_average_pooling_2d, ()),
    (F.roi_max_align_2d, (2,)), (F.roi_average_align_2d, (None,))])
def test_backward(func, args):
    x = naive.distinct_values((2, 2, 6, 5), numpy.float32,
                              numpy.random.RandomState(0))
    rois = numpy.array([[0, 0, 4, 4], [1.3, 0.6, 5.2, 3.9], [-1, 2, 3, 7]],
                       numpy.float32)
    batch = numpy.array([0, 1, 1], numpy.int32)

    def f(x):
        y = func(x, rois, batch, (2, 3), 1.0, *args)
        # Bins without samples stay -inf (max align): no gradient there.
        return F.where(numpy.isinf(y.array), numpy.zeros_like(y.array), y)

    gy = numpy.random.RandomState(1).uniform(-1, 1, (3, 2, 2, 3)).astype(
        numpy.float32)
    gradient_check.check_backward(f, x, gy, eps=1e-3, atol=1e-3, rtol=1e-2)


def test_roi_pooling_2d_backward():
    x = naive.distinct_values((1, 2, 6, 5), numpy.float32,
                              numpy.random.RandomState(0))
    rois = numpy.array([[0, 0, 0, 4, 4], [0, 1, 2, 3, 5]], numpy.float32)
    gy = numpy.ones((2, 2, 2, 2), numpy.float32)
    gradient_check.check_backward(
        lambda x: F.roi_pooling_2d(x, rois, 2, 2, 1.0), x, gy,
        eps=1e-3, atol=1e-3, rtol=1e-2)


def test_argument_errors():
    x = numpy.ones((1, 1, 4, 4), numpy.float32)
    rois = numpy.zeros((1, 4), numpy.float32)
    batch = numpy.zeros(1, numpy.int32)
    with pytest.raises(TypeError, match='outsize'):
        F.roi_max_pooling_2d(x, rois, batch, 0, 1.0)
    with pytest.raises(TypeError, match='spatial_scale'):
        F.roi_average_pooling_2d(x, rois, batch, 2, -1.0)
    with pytest.raises(TypeError, match='sampling_ratio'):
        F.roi_max_align_2d(x, rois, batch, 2, 1.0, 0)
    with pytest.raises(type_check.InvalidType):
        F.roi_average_align_2d(x.astype(numpy.float64), rois, batch, 2, 1.0)
    with pytest.raises(type_check.InvalidType):
        F.roi_max_pooling_2d(x, rois, batch.astype(numpy.int64), 2, 1.0)


def test_old_style_functions_cannot_be_differentiated_twice():
    x = chainer_lite.Variable(numpy.ones((1, 1, 4, 4), numpy.float32))
    y = F.roi_average_align_2d(x, numpy.zeros((1, 4), numpy.float32),
                               numpy.zeros(1, numpy.int32), 2, 1.0)
    gx, = chainer_lite.grad([F.sum(y)], [x], enable_double_backprop=True)
    with pytest.raises(RuntimeError, match='twice-differentiate'):
        F.sum(gx * gx).backward()
