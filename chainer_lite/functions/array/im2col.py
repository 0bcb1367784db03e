"""Im2col: extract convolution patches into the channel axis."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


class _PatchLayout(function_node.FunctionNode):

    """Shared settings of :class:`Im2Col` and its adjoint :class:`Im2ColGrad`.

    Both take one 4-d float input, named ``input_name`` in type errors.
    """

    input_name = None

    def __init__(self, ksize, stride, pad, cover_all, dilate):
        self.kh, self.kw = _util.as_tuple(ksize, 2)
        self.sy, self.sx = _util.as_tuple(stride, 2)
        self.ph, self.pw = _util.as_tuple(pad, 2)
        self.dy, self.dx = _util.as_tuple(dilate, 2)
        self.cover_all = cover_all

    def layout(self):
        """The constructor arguments ``(ksize, ..., dilate)`` of this node."""
        return ((self.kh, self.kw), (self.sy, self.sx), (self.ph, self.pw),
                self.cover_all, (self.dy, self.dx))

    def check_type_forward(self, in_types):
        type_check._argname(in_types, (self.input_name,))
        in_type, = in_types
        type_check.expect(
            in_type.dtype.kind == 'f',
            in_type.ndim == 4
        )


class Im2Col(_PatchLayout):

    """Rearranges image patches into channels."""

    input_name = 'x'

    def forward(self, inputs):
        x, = inputs
        col = conv.im2col(x, self.kh, self.kw, self.sy, self.sx, self.ph,
                          self.pw, cover_all=self.cover_all, dy=self.dy,
                          dx=self.dx)
        # (n, c, kh, kw, out_h, out_w): the patch axes join the channels.
        n, c, kh, kw = col.shape[:4]
        return col.reshape((n, c * kh * kw) + col.shape[4:]),

    def backward(self, indexes, grad_outputs):
        grad = Im2ColGrad(*self.layout(), self.inputs[0].shape)
        return grad.apply(grad_outputs)


class Im2ColGrad(_PatchLayout):

    """Sums patches back into the image (Im2Col's adjoint)."""

    input_name = 'gy'

    def __init__(self, ksize, stride, pad, cover_all, dilate, in_shape):
        super().__init__(ksize, stride, pad, cover_all, dilate)
        self.in_shape = in_shape

    def forward(self, inputs):
        gy, = inputs
        channels, h, w = self.in_shape[1:]
        col = gy.reshape((len(gy), channels, self.kh, self.kw)
                         + gy.shape[2:])
        return conv.col2im(col, self.sy, self.sx, self.ph, self.pw, h, w,
                           self.dy, self.dx),

    def backward(self, indexes, grad_outputs):
        return Im2Col(*self.layout()).apply(grad_outputs)


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
        stride (int or pair of ints): Step between neighbouring patches.
        pad (int or pair of ints): Spatial padding of the input.
        cover_all (bool): If ``True``, all spatial locations are covered,
            which may enlarge the output.
        dilate (int or pair of ints): Dilation of filter applications.

    Returns:
        ~chainer.Variable: Output of shape ``(n, c * k_H * k_W, h_O, w_O)``.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> x = np.arange(9, dtype=np.float32).reshape(1, 1, 3, 3)
        >>> y = F.im2col(x, 2)
        >>> y.shape
        (1, 4, 2, 2)
        >>> y.array[0, :, 0, 0]  # the top-left 2x2 patch
        array([0., 1., 3., 4.], dtype=float32)
    """
    node = Im2Col(ksize, stride, pad, cover_all, dilate)
    return node.apply((x,))[0]
