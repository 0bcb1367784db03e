"""Spatial average pooling over 2-d planes."""
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
        ksize, stride, pad = pooling_2d.window_of(self)
        outs = _util.out_sizes(x.shape[2:], ksize, stride, pad, False)
        return _util.windows(x, ksize, stride, pad, outs, 0).mean(axis=2),

    def backward(self, indexes, grad_outputs):
        return AveragePooling2DGrad(self).apply(grad_outputs)


class AveragePooling2DGrad(function_node.FunctionNode):

    """Spreads each output gradient evenly over its window."""

    def __init__(self, apool2d):
        pooling_2d.copy_window(self, apool2d)
        self._in_shape = apool2d._in_shape
        self._in_dtype = apool2d._in_dtype

    def forward(self, inputs):
        gy, = inputs
        ksize, stride, pad = pooling_2d.window_of(self)
        k = ksize[0] * ksize[1]
        gx = _util.scatter(_util.spread(gy, k), ksize, stride, pad,
                           self._in_shape[2:])
        gx /= k
        return gx,

    def backward(self, indexes, grad_outputs):
        # Spreading evenly is the adjoint of averaging: the same pooling.
        node = AveragePooling2D(*pooling_2d.window_of(self), cover_all=False)
        return node.apply(grad_outputs)


def average_pooling_2d(x, ksize, stride=None, pad=0):
    """Mean of every window of a batch of images.

    Every output pixel is the mean of a ``ksize`` window of its channel.
    Padded positions count as zeros, so windows that overlap the padding
    are biased towards zero; use
    :func:`~chainer.functions.average_pooling_nd` with ``pad_value=None``
    to average over the real pixels only. ``cover_all`` mode is not
    supported.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Size of the windows. ``ksize=k`` and
            ``(k, k)`` give the same windows.
        stride (int or pair of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or pair of ints): Zero padding on each side.

    Returns:
        ~chainer.Variable: The window means, ``(n, c, h_O, w_O)``.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> F.average_pooling_2d(x, 2).array
        array([[[[ 2.5,  4.5],
                 [10.5, 12.5]]]], dtype=float32)
    """
    node = AveragePooling2D(ksize, stride, pad, cover_all=False)
    return node.apply((x,))[0]
