"""Unpooling over 2-d planes: each input pixel fills an output window."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_2d
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


def _spread(x, ksize, stride, pad, outs):
    # Copies every element of x over its window, summing where windows
    # overlap.
    xp = backend.get_array_module(x)
    k = ksize[0] * ksize[1]
    col = xp.broadcast_to(x[:, :, None], x.shape[:2] + (k,) + x.shape[2:])
    return _util.scatter(col, ksize, stride, pad, outs)


class Unpooling2D(pooling_2d.Pooling2D):

    """Unpooling over a set of 2d planes."""

    def __init__(self, ksize, stride=None, pad=0,
                 outsize=None, cover_all=True):
        super(Unpooling2D, self).__init__(ksize, stride, pad, cover_all)
        self.outh, self.outw = (None, None) if outsize is None else outsize

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(n_in == 1)
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
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
        h, w = x.shape[2:]
        if self.outh is None:
            self.outh = conv.get_deconv_outsize(
                h, self.kh, self.sy, self.ph, cover_all=self.cover_all)
        if self.outw is None:
            self.outw = conv.get_deconv_outsize(
                w, self.kw, self.sx, self.pw, cover_all=self.cover_all)
        return _spread(x, (self.kh, self.kw), (self.sy, self.sx),
                       (self.ph, self.pw), (self.outh, self.outw)),

    def backward(self, indexes, grad_outputs):
        return Unpooling2DGrad(self).apply(grad_outputs)


class Unpooling2DGrad(function_node.FunctionNode):

    """Sums the output gradient over every window (sum pooling)."""

    def __init__(self, unpooling2d):
        self.kh = unpooling2d.kh
        self.kw = unpooling2d.kw
        self.sy = unpooling2d.sy
        self.sx = unpooling2d.sx
        self.ph = unpooling2d.ph
        self.pw = unpooling2d.pw
        self.outh = unpooling2d.outh
        self.outw = unpooling2d.outw
        self.cover_all = unpooling2d.cover_all

    def forward(self, inputs):
        gy, = inputs
        ksize = (self.kh, self.kw)
        stride = (self.sy, self.sx)
        pad = (self.ph, self.pw)
        outs = _util.out_sizes(gy.shape[2:], ksize, stride, pad,
                               self.cover_all)
        return _util.windows(gy, ksize, stride, pad, outs, 0).sum(axis=2),

    def backward(self, indexes, grad_outputs):
        return Unpooling2D(
            (self.kh, self.kw), (self.sy, self.sx), (self.ph, self.pw),
            (self.outh, self.outw), self.cover_all).apply(grad_outputs)


def unpooling_2d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Inverse operation of pooling for 2d array.

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
        ~chainer.Variable: Output variable.

    Example:

        >>> x = np.array([[[[1, 2], [3, 4]]]], dtype=np.float32)
        >>> F.unpooling_2d(x, 2, cover_all=False).array
        array([[[[1., 1., 2., 2.],
                 [1., 1., 2., 2.],
                 [3., 3., 4., 4.],
                 [3., 3., 4., 4.]]]], dtype=float32)
    """
    return Unpooling2D(ksize, stride, pad, outsize, cover_all).apply((x,))[0]
