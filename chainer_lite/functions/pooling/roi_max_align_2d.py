"""ROI max align: bilinear samples of regions, maximum per bin."""
import numpy

from chainer_lite import backend
from chainer_lite import function
from chainer_lite.functions.pooling import _roi
from chainer_lite.functions.pooling import roi_average_align_2d


class ROIMaxAlign2D(function.Function):

    """Bilinearly sampled maxima over the bins of each ROI."""

    def __init__(self, outsize, spatial_scale, sampling_ratio=None):
        self.outh, self.outw = _roi.check_outsize(outsize)
        self.spatial_scale = _roi.check_spatial_scale(spatial_scale)
        self.sampling_ratio = _roi.check_sampling_ratio(sampling_ratio)

    def check_type_forward(self, in_types):
        roi_average_align_2d.check_align_types(in_types)

    def _sampling(self, rois, roi_indices, shape):
        return roi_average_align_2d.sampling(
            rois, roi_indices, self.spatial_scale, (self.outh, self.outw),
            self.sampling_ratio, *shape[2:])

    def forward(self, inputs):
        self.retain_inputs((1, 2))
        x, rois, roi_indices = inputs
        self._bottom_data_shape = x.shape
        xp = backend.get_array_module(x)
        c = x.shape[1]
        oh, ow = self.outh, self.outw
        y = xp.empty((len(rois), c, oh, ow), x.dtype)
        self.argmax_data = xp.empty(y.shape, numpy.int32)
        for r, (b, (gh, gw), (Ay, valid_y), (Ax, valid_x)) in enumerate(
                self._sampling(rois, roi_indices, x.shape)):
            # All samples at once: (c, oh, gh, ow, gw) -> (c, oh, ow, gh*gw),
            # sample index iy * gw + ix as in Chainer.
            samples = xp.asarray(Ay) @ x[b] @ xp.asarray(Ax).T
            samples = samples.reshape(c, oh, gh, ow, gw).transpose(
                0, 1, 3, 2, 4).reshape(c, oh, ow, gh * gw)
            valid = (valid_y.reshape(oh, 1, gh, 1)
                     & valid_x.reshape(1, ow, 1, gw)).reshape(oh, ow, -1)
            samples = xp.where(xp.asarray(valid), samples, -numpy.inf)
            index = samples.argmax(axis=-1)
            y[r] = xp.take_along_axis(samples, index[..., None], -1)[..., 0]
            # No valid sample: -inf and no index.
            self.argmax_data[r] = xp.where(
                xp.asarray(valid.any(axis=-1)), index, -1)
        return y,

    def backward(self, inputs, grad_outputs):
        rois, roi_indices = inputs[1:]
        gy, = grad_outputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self._bottom_data_shape, numpy.float64)
        oh, ow = self.outh, self.outw
        for r, (b, (gh, gw), (Ay, _), (Ax, _)) in enumerate(
                self._sampling(rois, roi_indices, self._bottom_data_shape)):
            index = self.argmax_data[r]
            iy, ix = index // gw, index % gw
            # Each output's gradient goes to the four pixels interpolated
            # by its chosen sample: outer product of two matrix rows.
            rows_y = xp.asarray(Ay)[xp.arange(oh)[:, None] * gh + iy]
            rows_x = xp.asarray(Ax)[xp.arange(ow) * gw + ix]
            g = xp.where(index >= 0, gy[r], 0)
            gx[b] += xp.einsum('cpq,cpqh,cpqw->chw', g, rows_y, rows_x)
        return gx.astype(gy.dtype), None, None


def roi_max_align_2d(
        x, rois, roi_indices, outsize, spatial_scale, sampling_ratio=None):
    """Max RoIAlign: bin maxima of bilinear samples inside each ROI.

    Like :func:`~chainer.functions.roi_average_align_2d`, with the maximum
    of the bilinear samples of each bin instead of their mean (a bin with
    no sample inside the image gives :math:`-\\infty`).

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`
            (float32).
        rois (~chainer.Variable): float32 ROIs
            ``(y_min, x_min, y_max, x_max)`` of shape :math:`(R, 4)`.
        roi_indices (~chainer.Variable): int32 image index of every ROI.
        outsize ((int, int) or int): Output grid (height, width).
        spatial_scale (float): Scale from ROI coordinates to ``x``'s pixels.
        sampling_ratio ((int, int) or int or None): Sample points per bin
            along (height, width); ``None`` takes
            ``ceil(roi size / outsize)``.

    Returns:
        ~chainer.Variable: Output of shape :math:`(R, c, out_h, out_w)`.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 2, 2]], dtype=np.float32)
        >>> F.roi_max_align_2d(x, rois, np.array([0], np.int32), 1,
        ...                    1.0).array
        array([[[[7.5]]]], dtype=float32)
    """
    func = ROIMaxAlign2D(outsize, spatial_scale, sampling_ratio)
    return func(x, rois, roi_indices)
