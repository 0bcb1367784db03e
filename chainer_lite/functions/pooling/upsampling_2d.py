"""Upsampling with max-pooling indices (the inverse of ``max_pooling_2d``)."""
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_2d
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


class Upsampling2D(pooling_2d.Pooling2D):

    """Upsampling over a set of 2d planes w/ indices used for max pooling."""

    def __init__(self, indexes, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(Upsampling2D, self).__init__(ksize, stride, pad, cover_all)
        self.indexes = indexes
        self.outh, self.outw = (None, None) if outsize is None else outsize

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(n_in == 1)
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.shape == self.indexes.shape,
        )
        if self.outh is not None:
            expected_h = conv.get_conv_outsize(
                self.outh, self.kh, self.sy, self.ph, cover_all=self.cover_all)
            type_check.expect(x_type.shape[2] == expected_h)
        if self.outw is not None:
            expected_w = conv.get_conv_outsize(
                self.outw, self.kw, self.sx, self.pw, cover_all=self.cover_all)
            type_check.expect(x_type.shape[3] == expected_w)

    def forward(self, inputs):
        x, = inputs
        self._in_dtype = x.dtype
        h, w = x.shape[2:]
        if self.outh is None:
            self.outh = conv.get_deconv_outsize(
                h, self.kh, self.sy, self.ph, cover_all=self.cover_all)
        if self.outw is None:
            self.outw = conv.get_deconv_outsize(
                w, self.kw, self.sx, self.pw, cover_all=self.cover_all)
        gcol = _util.place(x, self.indexes, self.kh * self.kw)
        return _util.scatter(gcol, (self.kh, self.kw), (self.sy, self.sx),
                             (self.ph, self.pw), (self.outh, self.outw)),

    def backward(self, indexes, grad_outputs):
        return Upsampling2DGrad(self).apply(grad_outputs)


class Upsampling2DGrad(function_node.FunctionNode):

    """Picks from every window of ``gy`` the element at the pooling index."""

    def __init__(self, upsampling2d):
        self.kh = upsampling2d.kh
        self.kw = upsampling2d.kw
        self.sy = upsampling2d.sy
        self.sx = upsampling2d.sx
        self.ph = upsampling2d.ph
        self.pw = upsampling2d.pw
        self.outh = upsampling2d.outh
        self.outw = upsampling2d.outw
        self.cover_all = upsampling2d.cover_all
        self.indexes = upsampling2d.indexes
        self._in_dtype = upsampling2d._in_dtype

    def forward(self, inputs):
        gy, = inputs
        col = _util.windows(gy, (self.kh, self.kw), (self.sy, self.sx),
                            (self.ph, self.pw), self.indexes.shape[2:], 0)
        return _util.pick(col, self.indexes),

    def backward(self, indexes, grad_outputs):
        return Upsampling2D(
            self.indexes, (self.kh, self.kw), (self.sy, self.sx),
            (self.ph, self.pw), (self.outh, self.outw),
            self.cover_all).apply(grad_outputs)


def upsampling_2d(
        x, indexes, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Upsampling using pooling indices.

    Every input pixel is written into its window of the output at the
    position given by ``indexes`` (as returned by
    ``F.max_pooling_2d(..., return_indices=True)``); the rest of the output
    is zero. With the pooling's arguments this undoes the max pooling
    wherever the maxima were.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        indexes (:ref:`ndarray`): Positions inside the windows, shaped like
            ``x``.
        ksize (int or pair of ints): Size of the pooling windows.
        stride (int or pair of ints or None): Stride of the pooling windows;
            the window size when ``None``.
        pad (int or pair of ints): Padding of the pooling.
        outsize ((int, int)): Output size (height, width); estimated from
            the other sizes when ``None``.
        cover_all (bool): Whether the max pooling used ``cover_all``.

    Returns:
        ~chainer.Variable: Output variable.

    Example:

        >>> x = np.arange(1, 17, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> y, indexes = F.max_pooling_2d(x, 2, return_indices=True)
        >>> F.upsampling_2d(y, indexes, ksize=2, outsize=(4, 4)).array
        array([[[[ 0.,  0.,  0.,  0.],
                 [ 0.,  6.,  0.,  8.],
                 [ 0.,  0.,  0.,  0.],
                 [ 0., 14.,  0., 16.]]]], dtype=float32)
    """
    return Upsampling2D(
        indexes, ksize, stride, pad, outsize, cover_all).apply((x,))[0]
