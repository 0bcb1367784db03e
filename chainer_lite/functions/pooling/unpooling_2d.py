"""Unpooling over 2-d planes: each input pixel fills an output window."""
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_2d
from chainer_lite.utils import type_check


class Unpooling2D(pooling_2d.Pooling2D):

    """Copies every pixel over its window of a larger image."""

    def __init__(self, ksize, stride=None, pad=0,
                 outsize=None, cover_all=True):
        super().__init__(ksize, stride, pad, cover_all)
        if outsize is None:
            outsize = (None, None)
        self.outh, self.outw = outsize

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
        )
        _util.expect_pools_back(x_type, (self.outh, self.outw),
                                *pooling_2d.window_of(self), self.cover_all)

    def forward(self, inputs):
        x, = inputs
        ksize, stride, pad = pooling_2d.window_of(self)
        self.outh, self.outw = _util.unpooled_sizes(
            (self.outh, self.outw), x.shape[2:], ksize, stride, pad,
            self.cover_all)
        # Overlapping windows add up.
        col = _util.spread(x, ksize[0] * ksize[1])
        return _util.scatter(col, ksize, stride, pad,
                             (self.outh, self.outw)),

    def backward(self, indexes, grad_outputs):
        return Unpooling2DGrad(self).apply(grad_outputs)


class Unpooling2DGrad(function_node.FunctionNode):

    """Sums the output gradient over every window (sum pooling)."""

    def __init__(self, unpooling2d):
        pooling_2d.copy_window(self, unpooling2d)
        self.outh = unpooling2d.outh
        self.outw = unpooling2d.outw

    def forward(self, inputs):
        gy, = inputs
        ksize, stride, pad = pooling_2d.window_of(self)
        outs = _util.out_sizes(gy.shape[2:], ksize, stride, pad,
                               self.cover_all)
        return _util.windows(gy, ksize, stride, pad, outs, 0).sum(axis=2),

    def backward(self, indexes, grad_outputs):
        node = Unpooling2D(*pooling_2d.window_of(self),
                           outsize=(self.outh, self.outw),
                           cover_all=self.cover_all)
        return node.apply(grad_outputs)


def unpooling_2d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Enlarges images by repeating each pixel over a window.

    Every input pixel is copied over a ``ksize`` window of the output (like
    :func:`~chainer.functions.deconvolution_2d` with an all-ones filter per
    channel); overlapping windows add up.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Size of the windows.
        stride (int, pair of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or pair of ints): Padding cropped from each side of the
            output.
        outsize (None or pair of ints): Output size :math:`(h_O, w_O)`.
            When ``None`` it is computed with
            :func:`~chainer.utils.conv.get_deconv_outsize`; otherwise
            pooling an array of that size must give the input's size.
        cover_all (bool): Whether the pooling being inverted used
            ``cover_all`` (it can make the output smaller).

    Returns:
        ~chainer.Variable: The enlarged images.

    Example:

        >>> x = np.array([[[[1, 2], [3, 4]]]], dtype=np.float32)
        >>> F.unpooling_2d(x, 2, cover_all=False).array
        array([[[[1., 1., 2., 2.],
                 [1., 1., 2., 2.],
                 [3., 3., 4., 4.],
                 [3., 3., 4., 4.]]]], dtype=float32)
    """
    node = Unpooling2D(ksize, stride, pad, outsize, cover_all)
    return node.apply((x,))[0]
