"""ROI max pooling: regions ``(y_min, x_min, y_max, x_max)`` into a grid."""
import numpy

from chainer_lite import backend
from chainer_lite import function
from chainer_lite.functions.pooling import _roi


class ROIMaxPooling2D(function.Function):

    """Maxima over the bins of each ROI (integer pixel bins)."""

    def __init__(self, outsize, spatial_scale):
        self.outh, self.outw = _roi.check_outsize(outsize)
        self.spatial_scale = _roi.check_spatial_scale(spatial_scale)

    def check_type_forward(self, in_types):
        _roi.check_types(in_types)

    def forward(self, inputs):
        self.retain_inputs((1, 2))
        x, rois, roi_indices = inputs
        self._bottom_data_shape = x.shape
        xp = backend.get_array_module(x)
        y = xp.empty((len(rois), x.shape[1], self.outh, self.outw), x.dtype)
        self.argmax_data = xp.empty(y.shape, numpy.int32)
        regions = _roi.integer_regions(rois, roi_indices, self.spatial_scale,
                                  (self.outh, self.outw), *x.shape[2:])
        for r, (b, h_bins, w_bins) in enumerate(regions):
            y[r], self.argmax_data[r] = _roi.bin_max(
                x[b], h_bins, w_bins, -numpy.inf)
        return y,

    def backward(self, inputs, grad_outputs):
        roi_indices = inputs[2]
        gx = _roi.scatter_to_positions(
            grad_outputs[0], self.argmax_data, roi_indices,
            self._bottom_data_shape)
        return gx, None, None


def roi_max_pooling_2d(x, rois, roi_indices, outsize, spatial_scale):
    """Pools every region of interest to a fixed grid of bin maxima.

    Every ROI ``(y_min, x_min, y_max, x_max)`` (in input coordinates times
    ``spatial_scale``, rounded) of image ``roi_indices[r]`` is split into an
    ``outsize`` grid of integer bins, and each bin is max-pooled per
    channel; bins wholly outside the image give :math:`-\\infty`. See
    `Fast R-CNN <https://arxiv.org/abs/1504.08083>`_.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        rois (~chainer.Variable): ROIs of shape :math:`(R, 4)`, with ``x``'s
            dtype.
        roi_indices (~chainer.Variable): int32 image index of every ROI.
        outsize ((int, int) or int): Output grid (height, width).
        spatial_scale (float): Scale from ROI coordinates to ``x``'s pixels.

    Returns:
        ~chainer.Variable: Output of shape :math:`(R, c, out_h, out_w)`.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 2, 4]], dtype=np.float32)
        >>> F.roi_max_pooling_2d(x, rois, np.array([0], np.int32), (1, 2),
        ...                      1.0).array
        array([[[[5., 7.]]]], dtype=float32)
    """
    func = ROIMaxPooling2D(outsize, spatial_scale)
    return func(x, rois, roi_indices)
