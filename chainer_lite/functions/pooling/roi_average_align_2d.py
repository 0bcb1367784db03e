"""ROI average align (Mask R-CNN): bilinear samples of regions, averaged."""
import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import function
from chainer_lite.functions.pooling import _roi
from chainer_lite.utils import type_check


def check_align_types(in_types):
    """Type check of ROI align: float32 images and ROIs, int32 indices."""
    type_check.expect(in_types.size() == 3)
    x_type, roi_type, roi_index_type = in_types
    type_check.expect(
        x_type.dtype == numpy.float32,
        x_type.ndim == 4,
        roi_type.dtype == numpy.float32,
        roi_type.ndim == 2,
        roi_type.shape[1] == 4,
        roi_index_type.dtype == numpy.int32,
        roi_index_type.ndim == 1,
        roi_type.shape[0] == roi_index_type.shape[0],
    )


def sampling(rois, roi_indices, spatial_scale, outsize, sampling_ratio,
             height, width):
    """Per ROI: its image, and per axis the sampling grid size, the
    interpolation matrix (bins * grid, pixels) and the validity of the
    sample points (see :func:`_roi.interpolation_matrix`)."""
    outh, outw = outsize
    coords = _roi.scaled(rois, spatial_scale)
    for b, (y0, x0, y1, x1) in zip(cuda.to_cpu(roi_indices), coords):
        # Malformed ROIs are forced to be 1x1.
        roi_h, roi_w = max(y1 - y0, 1.), max(x1 - x0, 1.)
        grid_h = _roi.grid_size(sampling_ratio[0], roi_h, outh)
        grid_w = _roi.grid_size(sampling_ratio[1], roi_w, outw)
        yield (int(b), (grid_h, grid_w),
               _roi.interpolation_matrix(y0, roi_h, outh, grid_h, height),
               _roi.interpolation_matrix(x0, roi_w, outw, grid_w, width))


class ROIAverageAlign2D(function.Function):

    """Bilinearly sampled averages over the bins of each ROI."""

    def __init__(self, outsize, spatial_scale, sampling_ratio=None):
        self.outh, self.outw = _roi.check_outsize(outsize)
        self.spatial_scale = _roi.check_spatial_scale(spatial_scale)
        self.sampling_ratio = _roi.check_sampling_ratio(sampling_ratio)

    def check_type_forward(self, in_types):
        check_align_types(in_types)

    def _mean_matrices(self, rois, roi_indices, shape, xp):
        # The average over the grid of samples is separable: per axis, the
        # mean of the interpolation rows of each bin. Invalid samples add
        # nothing but still count, as in Chainer.
        for b, (gh, gw), (Ay, _), (Ax, _) in sampling(
                rois, roi_indices, self.spatial_scale, (self.outh, self.outw),
                self.sampling_ratio, *shape[2:]):
            By = Ay.reshape(self.outh, gh, -1).mean(axis=1)
            Bx = Ax.reshape(self.outw, gw, -1).mean(axis=1)
            yield b, xp.asarray(By), xp.asarray(Bx)

    def forward(self, inputs):
        self.retain_inputs((1, 2))
        x, rois, roi_indices = inputs
        self._bottom_data_shape = x.shape
        xp = backend.get_array_module(x)
        y = xp.empty((len(rois), x.shape[1], self.outh, self.outw), x.dtype)
        for r, (b, By, Bx) in enumerate(self._mean_matrices(
                rois, roi_indices, x.shape, xp)):
            y[r] = By @ x[b] @ Bx.T
        return y,

    def backward(self, inputs, grad_outputs):
        rois, roi_indices = inputs[1:]
        gy, = grad_outputs
        xp = backend.get_array_module(gy)
        gx = xp.zeros(self._bottom_data_shape, numpy.float64)
        for r, (b, By, Bx) in enumerate(self._mean_matrices(
                rois, roi_indices, self._bottom_data_shape, xp)):
            gx[b] += By.T @ gy[r] @ Bx
        return gx.astype(gy.dtype), None, None


def roi_average_align_2d(
        x, rois, roi_indices, outsize, spatial_scale, sampling_ratio=None):
    """Average RoIAlign: bin means of bilinear samples inside each ROI.

    Like :func:`~chainer.functions.roi_average_pooling_2d`, but without
    rounding: every bin of the ``outsize`` grid over the ROI
    ``(y_min, x_min, y_max, x_max)`` (times ``spatial_scale``) is sampled
    at a regular grid of points by bilinear interpolation, and the samples
    are averaged. See `Mask R-CNN <https://arxiv.org/abs/1703.06870>`_.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`
            (float32).
        rois (~chainer.Variable): float32 ROIs of shape :math:`(R, 4)`.
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
        >>> F.roi_average_align_2d(x, rois, np.array([0], np.int32), 1,
        ...                        1.0).array
        array([[[[5.]]]], dtype=float32)
    """
    func = ROIAverageAlign2D(outsize, spatial_scale, sampling_ratio)
    return func(x, rois, roi_indices)
