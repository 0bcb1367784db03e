"""Im2col: extract convolution patches into the channel axis."""
from chainer_lite import function_node
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


def _pair(x):
    if hasattr(x, '__getitem__'):
        return x
    return x, x


class Im2Col(function_node.FunctionNode):

    """Rearranges image patches into channels."""

    def __init__(self, ksize, stride, pad, cover_all, dilate):
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.dy, self.dx = _pair(dilate)
        self.cover_all = cover_all

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4
        )

    def forward(self, inputs):
        x, = inputs
        y = conv.im2col(
            x, self.kh, self.kw, self.sy, self.sx, self.ph, self.pw,
            cover_all=self.cover_all, dy=self.dy, dx=self.dx)
        n, c, kh, kw, out_h, out_w = y.shape
        return y.reshape(n, c * kh * kw, out_h, out_w),

    def backward(self, indexes, grad_outputs):
        return Im2ColGrad((self.kh, self.kw), (self.sy, self.sx),
                          (self.ph, self.pw), self.cover_all,
                          (self.dy, self.dx), self.inputs[0].shape).apply(
                              grad_outputs)


class Im2ColGrad(function_node.FunctionNode):

    """Sums patches back into the image (Im2Col's adjoint)."""

    def __init__(self, ksize, stride, pad, cover_all, dilate, in_shape):
        self.kh, self.kw = _pair(ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(pad)
        self.dy, self.dx = _pair(dilate)
        self.cover_all = cover_all
        self.in_shape = in_shape

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('gy',))
        gy_type = in_types[0]
        type_check.expect(
            gy_type.dtype.kind == 'f',
            gy_type.ndim == 4
        )

    def forward(self, inputs):
        _, c, h, w = self.in_shape
        gy, = inputs
        n, _, out_h, out_w = gy.shape
        gy = gy.reshape(n, c, self.kh, self.kw, out_h, out_w)
        return conv.col2im(gy, self.sy, self.sx, self.ph, self.pw, h, w,
                           self.dy, self.dx),

    def backward(self, indexes, grad_outputs):
        return Im2Col((self.kh, self.kw), (self.sy, self.sx),
                      (self.ph, self.pw), self.cover_all,
                      (self.dy, self.dx)).apply(grad_outputs)


def im2col(x, ksize, stride=1, pad=0, cover_all=False, dilate=1):
    """Extracts patches from an image based on the filter.

    The patches a convolution with this filter would see are put in the
    channel dimension of the output. They are taken at positions shifted by
    multiples of ``stride`` from ``-pad`` on each spatial axis. With
    ``cover_all=False`` the output size is
    ``h_O = (h + 2 p_H - k_H - (k_H - 1)(d_Y - 1)) / s_Y + 1`` (likewise
    ``w_O``); ``cover_all=True`` adds ``s_Y - 1`` to the numerator so that
    every input pixel is covered.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            ``(n, c, h, w)``.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of filter applications.
        pad (int or pair of ints): Spatial padding of the input.
        cover_all (bool): If ``True``, all spatial locations are covered,
            which may enlarge the output.
        dilate (int or pair of ints): Dilation of filter applications.

    Returns:
        ~chainer.Variable: Output of shape ``(n, c * k_H * k_W, h_O, w_O)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> F.im2col(np.zeros((1, 3, 8, 6), np.float32), 3).shape
        (1, 27, 6, 4)
    """
    return Im2Col(ksize, stride, pad, cover_all, dilate).apply((x,))[0]
