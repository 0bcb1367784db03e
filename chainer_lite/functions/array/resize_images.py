"""Resize_images: bilinear or nearest-neighbour image resizing."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def compute_indices_and_weights(out_size, in_size, mode, align_corners, xp):
    """Source rows/columns and interpolation weights of each output pixel.

    Returns:
        tuple: ``(v, u, vw, uw)``: the upper-left source row ``v`` and
        column ``u`` (float arrays holding integers) of each output row and
        column, and the weights ``vw``, ``uw`` of the next row and column.
    """
    out_H, out_W = out_size
    H, W = in_size
    if mode == 'bilinear':
        if align_corners:
            v = xp.linspace(0, H - 1, num=out_H, dtype=numpy.float64)
            u = xp.linspace(0, W - 1, num=out_W, dtype=numpy.float64)
        else:
            # Pixel centres are aligned (as in OpenCV).
            v = (xp.arange(out_H, dtype=numpy.float64) + 0.5) * (H / out_H)
            v = xp.maximum(v - 0.5, 0)
            u = (xp.arange(out_W, dtype=numpy.float64) + 0.5) * (W / out_W)
            u = xp.maximum(u - 0.5, 0)
        vw, v = xp.modf(v)
        uw, u = xp.modf(u)
    else:
        v = xp.minimum(xp.floor(
            xp.arange(out_H, dtype=numpy.float64) * (H / out_H)), H - 1)
        u = xp.minimum(xp.floor(
            xp.arange(out_W, dtype=numpy.float64) * (W / out_W)), W - 1)
        vw = xp.zeros_like(v)
        uw = xp.zeros_like(u)
    return v, u, vw, uw


def _corners(out_size, in_size, mode, align_corners, xp, dtype):
    """The four source corners of every output pixel with their weights.

    Returns:
        list of tuple: ``(rows, cols, weight)`` per corner; ``rows`` has
        shape ``(out_H, 1)``, ``cols`` ``(1, out_W)`` and ``weight``
        ``(out_H, out_W)``.
    """
    H, W = in_size
    v, u, vw, uw = compute_indices_and_weights(
        out_size, in_size, mode, align_corners, xp)
    v0 = v.astype(numpy.intp)
    u0 = u.astype(numpy.intp)
    v1 = xp.minimum(v0 + 1, H - 1)
    u1 = xp.minimum(u0 + 1, W - 1)
    vw = vw.astype(dtype)[:, None]
    uw = uw.astype(dtype)[None, :]
    return [
        (v0[:, None], u0[None, :], (1 - vw) * (1 - uw)),
        (v0[:, None], u1[None, :], (1 - vw) * uw),
        (v1[:, None], u0[None, :], vw * (1 - uw)),
        (v1[:, None], u1[None, :], vw * uw),
    ]


class ResizeImages(function_node.FunctionNode):

    """Resizes images by bilinear or nearest-neighbour sampling."""

    def __init__(self, output_shape, mode, align_corners):
        self.out_H = output_shape[0]
        self.out_W = output_shape[1]
        assert mode in ['bilinear', 'nearest']
        self.mode = mode
        self.align_corners = align_corners

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype == numpy.float32,
            x_type.ndim == 4
        )

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        corners = _corners((self.out_H, self.out_W), x.shape[2:], self.mode,
                           self.align_corners, xp, x.dtype)
        if self.mode == 'nearest':
            rows, cols, _ = corners[0]
            return x[:, :, rows, cols],
        (r0, c0, w0), (_, c1, w1), (r1, _, w2), (_, _, w3) = corners
        y = (w0 * x[:, :, r0, c0] + w1 * x[:, :, r0, c1]) + \
            (w2 * x[:, :, r1, c0] + w3 * x[:, :, r1, c1])
        return y.astype(x.dtype, copy=False),

    def backward(self, indexes, grad_outputs):
        return ResizeImagesGrad(
            self.inputs[0].shape, (self.out_H, self.out_W),
            self.mode, self.align_corners).apply(grad_outputs)


class ResizeImagesGrad(function_node.FunctionNode):

    """Distributes output gradients back onto the source pixels
    (ResizeImages' adjoint)."""

    def __init__(self, input_shape, output_shape, mode, align_corners):
        self.out_H = output_shape[0]
        self.out_W = output_shape[1]
        self.input_shape = input_shape
        assert mode in ['bilinear', 'nearest']
        self.mode = mode
        self.align_corners = align_corners

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('gy',))
        gy_type = in_types[0]
        type_check.expect(
            gy_type.dtype == numpy.float32,
            gy_type.ndim == 4
        )

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        B, C, H, W = self.input_shape
        corners = _corners((self.out_H, self.out_W), (H, W), self.mode,
                           self.align_corners, xp, gy.dtype)
        if self.mode == 'nearest':
            corners = corners[:1]
        gy = gy.reshape(B * C, 1, self.out_H * self.out_W)
        pixels = xp.stack([(rows * W + cols).ravel()
                           for rows, cols, _ in corners])
        weights = xp.stack([w.ravel() for _, _, w in corners])
        # Flat index of every (image, corner, output pixel) contribution;
        # bincount sums those landing on the same source pixel.
        offsets = xp.arange(B * C)[:, None, None] * (H * W)
        gx = xp.bincount((offsets + pixels[None]).ravel(),
                         weights=(gy * weights[None]).ravel(),
                         minlength=B * C * H * W)
        return gx.astype(gy.dtype, copy=False).reshape(B, C, H, W),

    def backward(self, indexes, grad_outputs):
        return ResizeImages(
            (self.out_H, self.out_W), self.mode,
            self.align_corners).apply(grad_outputs)


def resize_images(x, output_shape, *, mode='bilinear', align_corners=True):
    """Resizes images to the given shape.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(n, c, h, w)`` (float32).
        output_shape (tuple): ``(h_O, w_O)``; note the order is the opposite
            of OpenCV's.
        mode ({'bilinear', 'nearest'}): The sampling rule.
        align_corners (bool): If ``True``, the corners of the input map to
            the corners of the output; if ``False``, the behaviour is
            OpenCV's.

    Returns:
        ~chainer.Variable: Resized images of shape ``(n, c, h_O, w_O)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.array([[[[1., 3.], [2., 4.]]]], np.float32)
        >>> F.resize_images(x, (3, 3)).array
        array([[[[1. , 2. , 3. ],
                 [1.5, 2.5, 3.5],
                 [2. , 3. , 4. ]]]], dtype=float32)
    """
    y, = ResizeImages(output_shape, mode, align_corners).apply((x,))
    return y
