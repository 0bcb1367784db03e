"""Shared pieces of the region-of-interest (ROI) pooling functions.

Every ROI is handled by small per-axis matrices or index arrays computed on
the host from its four coordinates; the pooling itself is then a few
vectorized operations per ROI (matrix products for averages and bilinear
sampling, one gather for maxima), never a loop over pixels or channels.
Coordinates follow Chainer's CPU code: scaled in the promoted dtype of the
ROIs and the scale, then handled in float64, rounding half to even.
"""
import collections.abc
import numbers

import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite.utils import type_check


def pair(x):
    if isinstance(x, collections.abc.Iterable):
        return x
    return x, x


def check_outsize(outsize):
    """``outsize`` as a pair of positive integers (``TypeError`` if not)."""
    outh, outw = pair(outsize)
    for axis, size in enumerate((outh, outw)):
        if not isinstance(size, numbers.Integral) or size <= 0:
            raise TypeError(
                'outsize[{}] must be positive integer: {}, {}'
                .format(axis, type(size), size))
    return int(outh), int(outw)


def check_spatial_scale(spatial_scale):
    """``spatial_scale`` as a positive real (``TypeError`` if not)."""
    if isinstance(spatial_scale, numbers.Integral):
        spatial_scale = float(spatial_scale)
    if not (isinstance(spatial_scale, numbers.Real) and spatial_scale > 0):
        raise TypeError(
            'spatial_scale must be a positive float number: {}, {}'
            .format(type(spatial_scale), spatial_scale))
    return spatial_scale


def check_sampling_ratio(sampling_ratio):
    """``sampling_ratio`` as a pair of ``None`` or integers >= 1."""
    sampling_ratio = pair(sampling_ratio)
    if not all((isinstance(s, numbers.Integral) and s >= 1) or s is None
               for s in sampling_ratio):
        raise TypeError(
            'sampling_ratio must be integer >= 1 or a pair of it: {}'
            .format(sampling_ratio))
    return tuple(sampling_ratio)


def scaled(rois, spatial_scale):
    """The ROI coordinates times the scale, as float64 host arrays."""
    rois = cuda.to_cpu(rois)
    dtype = numpy.result_type(rois.dtype, numpy.asarray(spatial_scale).dtype)
    return (rois.astype(dtype) * dtype.type(spatial_scale)).astype(
        numpy.float64)


def integer_bins(start, length, n_bins, limit):
    """Starts and stops of ``n_bins`` integer bins over ``length`` pixels.

    Bin ``k`` covers ``[floor(k * s), ceil((k + 1) * s))`` with
    ``s = length / n_bins``, shifted by ``start`` and clipped to
    ``[0, limit]`` (so it may be empty).
    """
    stride = length / n_bins
    k = numpy.arange(n_bins)
    starts = numpy.floor(k * stride).astype(numpy.int64) + start
    stops = numpy.ceil((k + 1) * stride).astype(numpy.int64) + start
    return numpy.clip(starts, 0, limit), numpy.clip(stops, 0, limit)


def bin_mean_matrix(starts, stops, limit):
    """``(n_bins, limit)`` matrix averaging each bin (zero rows if empty)."""
    columns = numpy.arange(limit)
    inside = (columns >= starts[:, None]) & (columns < stops[:, None])
    lengths = numpy.maximum(stops - starts, 1)[:, None]
    return inside / lengths


def bin_max(plane, h_bins, w_bins, empty_value):
    """Maximum of ``plane`` (c, H, W) over every (h bin, w bin) rectangle.

    Returns the maxima ``(c, n_h, n_w)`` and their flat positions
    ``h * W + w`` (the first in row-major order on ties); an empty bin gets
    ``empty_value`` and position -1.
    """
    xp = backend.get_array_module(plane)
    c, height, width = plane.shape
    (hs, he), (ws, we) = h_bins, w_bins
    nh, nw = len(hs), len(ws)
    kh = max(int((he - hs).max()), 1)
    kw = max(int((we - ws).max()), 1)
    # Every bin is padded to kh x kw candidates; the extra ones are masked.
    rows = hs[:, None] + numpy.arange(kh)
    cols = ws[:, None] + numpy.arange(kw)
    inside = ((rows < he[:, None])[:, None, :, None]
              & (cols < we[:, None])[None, :, None, :]).reshape(nh, nw, -1)
    flat = (numpy.minimum(rows, height - 1)[:, None, :, None] * width
            + numpy.minimum(cols, width - 1)[None, :, None, :]).reshape(
                nh, nw, -1)
    flat = xp.asarray(flat)
    patch = plane.reshape(c, -1)[:, flat]
    patch = xp.where(xp.asarray(inside), patch, -numpy.inf)
    arg = patch.argmax(axis=-1)
    value = xp.take_along_axis(patch, arg[..., None], axis=-1)[..., 0]
    position = flat[xp.arange(nh)[:, None], xp.arange(nw), arg]
    empty = xp.asarray((he <= hs)[:, None] | (we <= ws)[None, :])
    return (xp.where(empty, empty_value, value).astype(plane.dtype),
            xp.where(empty, -1, position))


def interpolation_matrix(start, length, n_bins, grid, limit):
    """Bilinear sampling weights along one axis of ROI align.

    Bin ``k`` is sampled at ``grid`` evenly spaced points; row
    ``k * grid + i`` holds the interpolation weights of point ``i`` of bin
    ``k`` over the ``limit`` pixels. Points more than one pixel outside the
    image are invalid (their rows are zero and ``valid`` is False); points
    just outside are clamped to the border.

    Returns:
        tuple: ``(matrix, valid)`` of shapes ``(n_bins * grid, limit)`` and
        ``(n_bins * grid,)``.
    """
    bin_size = length / n_bins
    p = (start + numpy.arange(n_bins)[:, None] * bin_size
         + (numpy.arange(grid) + .5) * bin_size / grid).ravel()
    valid = (p >= -1) & (p <= limit)
    low = numpy.floor(p).astype(numpy.int64)
    low[low == limit] = limit - 1
    high = low + 1
    p = numpy.where(low <= -1, 0., numpy.where(high >= limit, limit - 1., p))
    matrix = numpy.zeros((len(p), limit))
    rows = numpy.arange(len(p))
    for index, weight in ((low, high - p), (high, p - low)):
        use = valid & (index >= 0) & (index < limit) & (weight > 0)
        matrix[rows[use], index[use]] += weight[use]
    return matrix, valid


def grid_size(sampling_ratio, length, n_bins):
    """Sample points per bin along one axis of ROI align."""
    if sampling_ratio is None:
        return int(numpy.ceil(length / n_bins))
    return int(sampling_ratio)


def add_at(target, index, values):
    """``target[index] += values`` with repeated indices accumulating."""
    if isinstance(target, numpy.ndarray):
        numpy.add.at(target, index, values)
    else:
        import cupyx
        cupyx.scatter_add(target, index, values)


def scatter_to_positions(gy, positions, roi_indices, x_shape):
    """Gradient of a max pooling: ``gy`` added at the flat ``positions``.

    ``positions`` (R, c, ...) are ``h * W + w`` in image ``roi_indices[r]``
    (-1: no position, no gradient).
    """
    xp = backend.get_array_module(gy)
    n, c, h, w = x_shape
    gx = xp.zeros((n, c, h * w), dtype=gy.dtype)
    valid = positions >= 0
    r, channel = xp.nonzero(valid)[:2]
    batch = xp.asarray(roi_indices)[r].astype(numpy.int64)
    add_at(gx, (batch, channel, positions[valid]), gy[valid])
    return gx.reshape(x_shape)


def check_types(in_types):
    """Type check of the ROI functions taking ``(x, rois, roi_indices)``."""
    type_check.expect(in_types.size() == 3)
    x_type, roi_type, roi_index_type = in_types
    type_check.expect(
        x_type.dtype.kind == 'f',
        x_type.ndim == 4,
        x_type.dtype == roi_type.dtype,
        roi_type.ndim == 2,
        roi_type.shape[1] == 4,
        roi_index_type.dtype == numpy.int32,
        roi_index_type.ndim == 1,
        roi_type.shape[0] == roi_index_type.shape[0],
    )


def integer_regions(rois, roi_indices, spatial_scale, outsize, height, width):
    """Per ROI: batch index and the (h, w) integer bins of its grid."""
    outh, outw = outsize
    coords = numpy.round(scaled(rois, spatial_scale)).astype(numpy.int64)
    for b, (ymin, xmin, ymax, xmax) in zip(cuda.to_cpu(roi_indices), coords):
        # Malformed ROIs are forced to be one pixel high/wide.
        yield (int(b),
               integer_bins(ymin, max(ymax - ymin, 1), outh, height),
               integer_bins(xmin, max(xmax - xmin, 1), outw, width))
