"""Spatial average pooling over 2-d planes."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_2d


class AveragePooling2D(pooling_2d.Pooling2D):

    """Average pooling over a set of 2d planes (padding counts as zeros).

    Like Chainer on the CPU, the windows never use ``cover_all``.
    """

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        ksize, stride, pad = self._geometry()
        outs = _util.out_sizes(x.shape[2:], ksize, stride, pad, False)
        col = _util.windows(x, ksize, stride, pad, outs, 0)
        return col.mean(axis=2),

    def _geometry(self):
        return (self.kh, self.kw), (self.sy, self.sx), (self.ph, self.pw)

    def backward(self, indexes, grad_outputs):
        return AveragePooling2DGrad(self).apply(grad_outputs)


class AveragePooling2DGrad(function_node.FunctionNode):

    """Spreads each output gradient evenly over its window."""

    def __init__(self, apool2d):
        self.kh = apool2d.kh
        self.kw = apool2d.kw
        self.sy = apool2d.sy
        self.sx = apool2d.sx
        self.ph = apool2d.ph
        self.pw = apool2d.pw
        self._in_shape = apool2d._in_shape
        self._in_dtype = apool2d._in_dtype

    def forward(self, inputs):
        gy, = inputs
        xp = backend.get_array_module(gy)
        k = self.kh * self.kw
        gcol = xp.broadcast_to(gy[:, :, None], gy.shape[:2] + (k,) +
                               gy.shape[2:])
        gx = _util.scatter(gcol, (self.kh, self.kw), (self.sy, self.sx),
                           (self.ph, self.pw), self._in_shape[2:])
        gx /= k
        return gx,

    def backward(self, indexes, grad_outputs):
        return AveragePooling2D(
            (self.kh, self.kw), (self.sy, self.sx), (self.ph, self.pw),
            False).apply(grad_outputs)


def average_pooling_2d(x, ksize, stride=None, pad=0):
    """Spatial average pooling function.

    Every output pixel is the mean of a ``ksize`` window of its channel.
    Padded positions count as zeros, so windows that overlap the padding
    are biased towards zero; use
    :func:`~chainer.functions.average_pooling_nd` with ``pad_value=None``
    to average over the real pixels only. ``cover_all`` mode is not
    supported.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Size of the windows. ``ksize=k`` and
            ``ksize=(k, k)`` are equivalent.
        stride (int or pair of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or pair of ints): Zero padding on each side.

    Returns:
        ~chainer.Variable: Output variable.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> F.average_pooling_2d(x, 2).array
        array([[[[ 2.5,  4.5],
                 [10.5, 12.5]]]], dtype=float32)
    """
    return AveragePooling2D(ksize, stride, pad, False).apply((x,))[0]
