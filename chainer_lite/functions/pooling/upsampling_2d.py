"""Upsampling with max-pooling indices (the inverse of ``max_pooling_2d``)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_2d
from chainer_lite.utils import type_check


class Upsampling2D(pooling_2d.Pooling2D):

    """Writes each pixel at its max-pooling position of a zero image."""

    def __init__(self, indexes, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super().__init__(ksize, stride, pad, cover_all)
        self.indexes = indexes
        if outsize is None:
            outsize = (None, None)
        self.outh, self.outw = outsize

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 4,
            x_type.shape == self.indexes.shape,
        )
        _util.expect_pools_back(x_type, (self.outh, self.outw),
                                *pooling_2d.window_of(self), self.cover_all)

    def forward(self, inputs):
        x, = inputs
        self._in_dtype = x.dtype
        ksize, stride, pad = pooling_2d.window_of(self)
        self.outh, self.outw = _util.unpooled_sizes(
            (self.outh, self.outw), x.shape[2:], ksize, stride, pad,
            self.cover_all)
        # The indexes may come from a max pooling run on another device.
        self.indexes = backend.get_array_module(x).asarray(self.indexes)
        gcol = _util.place(x, self.indexes, ksize[0] * ksize[1])
        return _util.scatter(gcol, ksize, stride, pad,
                             (self.outh, self.outw)),

    def backward(self, indexes, grad_outputs):
        return Upsampling2DGrad(self).apply(grad_outputs)


class Upsampling2DGrad(function_node.FunctionNode):

    """Picks from every window of ``gy`` the element at the pooling index."""

    def __init__(self, upsampling2d):
        pooling_2d.copy_window(self, upsampling2d)
        self.outh = upsampling2d.outh
        self.outw = upsampling2d.outw
        self.indexes = upsampling2d.indexes
        self._in_dtype = upsampling2d._in_dtype

    def forward(self, inputs):
        gy, = inputs
        self.indexes = backend.get_array_module(gy).asarray(self.indexes)
        col = _util.windows(gy, *pooling_2d.window_of(self),
                            self.indexes.shape[2:], 0)
        return _util.pick(col, self.indexes),

    def backward(self, indexes, grad_outputs):
        node = Upsampling2D(self.indexes, *pooling_2d.window_of(self),
                            outsize=(self.outh, self.outw),
                            cover_all=self.cover_all)
        return node.apply(grad_outputs)


def upsampling_2d(x, indexes, ksize, stride=None, pad=0, outsize=None,
                  cover_all=True):
    """Undoes a max pooling: puts values back where the maxima were.

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
        ~chainer.Variable: The upsampled images (zero elsewhere).

    Example:

        >>> x = np.arange(1, 17, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> y, indexes = F.max_pooling_2d(x, 2, return_indices=True)
        >>> F.upsampling_2d(y, indexes, ksize=2, outsize=(4, 4)).array
        array([[[[ 0.,  0.,  0.,  0.],
                 [ 0.,  6.,  0.,  8.],
                 [ 0.,  0.,  0.,  0.],
                 [ 0., 14.,  0., 16.]]]], dtype=float32)
    """
    node = Upsampling2D(indexes, ksize, stride, pad, outsize, cover_all)
    return node.apply((x,))[0]
