"""ROI pooling (Fast R-CNN): max pooling of regions into a fixed grid."""
import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import function_node
from chainer_lite.functions.pooling import _roi
from chainer_lite.utils import type_check


def _regions(rois, spatial_scale):
    # (batch index, scaled and rounded x_min, y_min, x_max, y_max) per ROI.
    batch = cuda.to_cpu(rois[:, 0]).astype(numpy.int64)
    coords = numpy.round(_roi.scaled(rois[:, 1:], spatial_scale)).astype(
        numpy.int64)
    return batch, coords


class ROIPooling2D(function_node.FunctionNode):

    """Max over the bins of each ROI; ROIs carry their batch index."""

    def __init__(self, outh, outw, spatial_scale):
        self.outh, self.outw = outh, outw
        self.spatial_scale = spatial_scale

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        x_type, roi_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.dtype == roi_type.dtype,
            roi_type.ndim == 2,
            roi_type.shape[1] == 5,
        )

    def forward(self, inputs):
        self.retain_inputs((1,))
        x, rois = inputs
        self._bottom_data_shape = x.shape
        xp = backend.get_array_module(x)
        channels, height, width = x.shape[1:]
        batch, coords = _regions(rois, self.spatial_scale)
        y = xp.empty((len(rois), channels, self.outh, self.outw), x.dtype)
        self.argmax_data = xp.empty(y.shape, numpy.int32)
        for r, (b, (xmin, ymin, xmax, ymax)) in enumerate(zip(batch, coords)):
            # Both ends are inclusive; malformed ROIs become one pixel.
            h_bins = _roi.integer_bins(ymin, max(ymax - ymin + 1, 1),
                                       self.outh, height)
            w_bins = _roi.integer_bins(xmin, max(xmax - xmin + 1, 1),
                                       self.outw, width)
            y[r], self.argmax_data[r] = _roi.bin_max(x[b], h_bins, w_bins, 0)
        return y,

    def backward(self, indexes, grad_outputs):
        rois, = self.get_retained_inputs()
        gx, = ROIPooling2DGrad(
            self.outh, self.outw, self.spatial_scale,
            self._bottom_data_shape, self.argmax_data).apply(
                (rois, grad_outputs[0]))
        return gx, None


class ROIPooling2DGrad(function_node.FunctionNode):

    """Routes each output gradient to the pixel that was the bin's max."""

    def __init__(self, outh, outw, spatial_scale, bottom_data_shape,
                 argmax_data):
        self.outh, self.outw = outh, outw
        self.spatial_scale = spatial_scale
        self._bottom_data_shape = bottom_data_shape
        self.argmax_data = argmax_data

    def forward(self, inputs):
        rois, gy = inputs
        return _roi.scatter_to_positions(
            gy, self.argmax_data, cuda.to_cpu(rois[:, 0]).astype(numpy.int64),
            self._bottom_data_shape),

    def backward(self, indexes, grad_outputs):
        # As in Chainer, this gradient is not differentiated again.
        raise NotImplementedError


def roi_pooling_2d(x, rois, outh, outw, spatial_scale):
    """Pools every region of interest to a fixed grid (bin maxima).

    Every ROI ``(batch_index, x_min, y_min, x_max, y_max)`` (both ends
    inclusive, in input coordinates times ``spatial_scale``, rounded) is
    split into an ``outh x outw`` grid of integer bins, and each bin is
    max-pooled per channel; bins wholly outside the image give 0. See
    `Fast R-CNN <https://arxiv.org/abs/1504.08083>`_.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        rois (~chainer.Variable): ROIs of shape :math:`(R, 5)`, with ``x``'s
            dtype.
        outh (int): Height of the output grid.
        outw (int): Width of the output grid.
        spatial_scale (float): Scale from ROI coordinates to ``x``'s pixels.

    Returns:
        ~chainer.Variable: Output of shape :math:`(R, c, outh, outw)`.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> rois = np.array([[0, 0, 0, 3, 1]], dtype=np.float32)
        >>> F.roi_pooling_2d(x, rois, 1, 2, 1.0).array
        array([[[[5., 7.]]]], dtype=float32)
    """
    node = ROIPooling2D(outh, outw, spatial_scale)
    return node.apply((x, rois))[0]
