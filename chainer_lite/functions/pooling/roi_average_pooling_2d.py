"""ROI average pooling: regions ``(y0, x0, y1, x1)`` averaged into a grid."""
import numpy

from chainer_lite import backend
from chainer_lite import function
from chainer_lite.functions.pooling import _roi


class ROIAveragePooling2D(function.Function):

    """Means over the bins of each ROI (integer pixel bins)."""

    def __init__(self, outsize, spatial_scale):
        self.outh, self.outw = _roi.check_outsize(outsize)
        self.spatial_scale = _roi.check_spatial_scale(spatial_scale)

    def check_type_forward(self, in_types):
        _roi.check_types(in_types)

    def _mean_matrices(self, rois, roi_indices, shape, dtype):
        # Per ROI: its image and the two bin-averaging matrices, so that
        # the pooled ROI is By @ x[b] @ Bx.T.
        xp = backend.get_array_module(rois)
        height, width = shape[2:]
        regions = _roi.integer_regions(
            rois, roi_indices, self.spatial_scale, (self.outh, self.outw),
            height, width)
        for b, h_bins, w_bins in regions:
            yield (b,
                   xp.asarray(_roi.bin_mean_matrix(*h_bins, height), dtype),
                   xp.asarray(_roi.bin_mean_matrix(*w_bins, width), dtype))

    def forward(self, inputs):
        self.retain_inputs((1, 2))
        x, rois, roi_indices = inputs
        self._bottom_data_shape = x.shape
        xp = backend.get_array_module(x)
        dtype = numpy.result_type(x.dtype, numpy.float32)
        y = xp.empty((len(rois), x.shape[1], self.outh, self.outw), x.dtype)
        for r, (b, By, Bx) in enumerate(self._mean_matrices(
                rois, roi_indices, x.shape, dtype)):
            y[r] = By @ x[b].astype(dtype, copy=False) @ Bx.T
        return y,

    def backward(self, inputs, grad_outputs):
        rois, roi_indices = inputs[1:]
        gy, = grad_outputs
        xp = backend.get_array_module(gy)
        dtype = numpy.result_type(gy.dtype, numpy.float32)
        gx = xp.zeros(self._bottom_data_shape, dtype)
        for r, (b, By, Bx) in enumerate(self._mean_matrices(
                rois, roi_indices, self._bottom_data_shape, dtype)):
            gx[b] += By.T @ gy[r].astype(dtype, copy=False) @ Bx
        return gx.astype(gy.dtype, copy=False), None, None


def roi_average_pooling_2d(x, rois, roi_indices, outsize, spatial_scale):
    """Pools every region of interest to a fixed grid of bin means.

    Like :func:`~chainer.functions.roi_max_pooling_2d`, with the mean of
    each bin instead of its maximum (bins wholly outside the image give 0).

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        rois (~chainer.Variable): ROIs ``(y_min, x_min, y_max, x_max)`` of
            shape :math:`(R, 4)`, with ``x``'s dtype.
        roi_indices (~chainer.Variable): int32 image index of every ROI.
        outsize ((int, int) or int): Output grid (height, width).
        spatial_scale (float): Scale from ROI coordinates to ``x``'s pixels.

    Returns:
        ~chainer.Variable: Output of shape :math:`(R, c, out_h, out_w)`.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 2, 4]], dtype=np.float32)
        >>> F.roi_average_pooling_2d(x, rois, np.array([0], np.int32),
        ...                          (1, 2), 1.0).array
        array([[[[2.5, 4.5]]]], dtype=float32)
    """
    func = ROIAveragePooling2D(outsize, spatial_scale)
    return func(x, rois, roi_indices)
