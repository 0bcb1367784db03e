"""Max pooling over N spatial axes (``max_pooling_1d/2d/3d/nd``)."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util as conv_util
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_nd
from chainer_lite import utils


class MaxPoolingND(pooling_nd._PoolingND):

    """Window maxima over N spatial axes of every channel.

    After the forward pass ``indexes`` holds, for every output element, the
    position of the maximum inside its window (flattened in C order, padding
    included; the first one on ties).
    """

    def forward(self, inputs):
        x, = inputs
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        outs = _util.out_sizes(x.shape[2:], self.ksize, self.stride,
                               self.pad, self.cover_all)
        col = _util.windows(x, self.ksize, self.stride, self.pad, outs,
                            -float('inf'))
        y = col.max(axis=2)
        self.indexes = _util.first_argmax(col, y)
        return y,

    def backward(self, indexes, grad_outputs):
        return MaxPoolingNDGrad(self).apply(grad_outputs)


class MaxPoolingNDGrad(function_node.FunctionNode):

    """Routes each output gradient to the input element that was the max."""

    def __init__(self, func):
        self.func = func

    def forward(self, inputs):
        gy, = inputs
        func = self.func
        gcol = _util.place(gy, func.indexes, utils.size_of_shape(func.ksize))
        return _util.scatter(gcol, func.ksize, func.stride, func.pad,
                             func._in_shape[2:]),

    def backward(self, indexes, grad_outputs):
        return MaxPoolingNDWithIndexes(self.func).apply(grad_outputs)


class MaxPoolingNDWithIndexes(function_node.FunctionNode):

    """Picks, in every window of its input, the element at the max position.

    The positions are those found by the forward max pooling ``func``; this
    is the adjoint of :class:`MaxPoolingNDGrad`.
    """

    def __init__(self, func):
        self.func = func

    def forward(self, inputs):
        x, = inputs
        func = self.func
        outs = func.indexes.shape[2:]
        col = _util.windows(x, func.ksize, func.stride, func.pad, outs, 0)
        return _util.pick(col, func.indexes),

    def backward(self, indexes, grad_outputs):
        return MaxPoolingNDGrad(self.func).apply(grad_outputs)


def max_pooling_nd(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Maximum of every window, over any number of spatial axes.

    Every output element is the maximum of one window of the input; the
    windows are laid out like the patches of
    :func:`~chainer.functions.convolution_nd`, padding counts as
    :math:`-\\infty`.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, d_1, ..., d_N)`.
        ksize (int or tuple of ints): Size of the windows. ``ksize=k`` and
            ``(k, k, ..., k)`` give the same windows.
        stride (int or tuple of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or tuple of ints): Padding on each side.
        cover_all (bool): If ``True``, every input element is in some window
            (the output may get one more element per axis).
        return_indices (bool): If ``True``, also return the position of the
            maximum inside each window (an integer array shaped like the
            output, on the input's device), as used by
            :func:`~chainer.functions.upsampling_2d`.

    Returns:
        ~chainer.Variable or tuple: The output, or ``(output, indices)`` when
        ``return_indices`` is ``True``.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> F.max_pooling_nd(x, 2).array
        array([[[[ 5.,  7.],
                 [13., 15.]]]], dtype=float32)
    """
    node = MaxPoolingND(len(x.shape) - 2, ksize, stride, pad, cover_all,
                        return_indices)
    y, = node.apply((x,))
    return (y, node.indexes) if return_indices else y


def _pool_checked(ndim, x, *args):
    # The fixed-rank wrappers: max_pooling_nd after a rank check.
    conv_util.require_spatial_ndim(x, ndim)
    return max_pooling_nd(x, *args)


def max_pooling_1d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Max pooling of sequences (one spatial axis).

    It is :func:`~chainer.functions.max_pooling_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    return _pool_checked(1, x, ksize, stride, pad, cover_all,
                         return_indices)


def max_pooling_2d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Maximum of every window of a batch of images.

    Every output pixel is the maximum of a ``ksize`` window of its channel,
    the windows moving by ``stride`` over the input padded (with
    :math:`-\\infty`) by ``pad``.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        ksize (int or pair of ints): Size of the windows. ``ksize=k`` and
            ``(k, k)`` give the same windows.
        stride (int or pair of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or pair of ints): Padding on each side.
        cover_all (bool): If ``True``, every input pixel is in some window
            (the output may get one more row or column).
        return_indices (bool): If ``True``, also return the position of the
            maximum inside each window (row-major inside the window), as
            used by :func:`~chainer.functions.upsampling_2d`.

    Returns:
        ~chainer.Variable or tuple: The output, or ``(output, indices)`` when
        ``return_indices`` is ``True``.

    Example:

        >>> x = np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4)
        >>> y, indices = F.max_pooling_2d(x, 2, return_indices=True)
        >>> y.array
        array([[[[ 5.,  7.],
                 [13., 15.]]]], dtype=float32)
        >>> indices
        array([[[[3, 3],
                 [3, 3]]]])
    """
    return _pool_checked(2, x, ksize, stride, pad, cover_all,
                         return_indices)


def max_pooling_3d(x, ksize, stride=None, pad=0, cover_all=True,
                   return_indices=False):
    """Max pooling of volumes (three spatial axes).

    It is :func:`~chainer.functions.max_pooling_nd` for inputs with three
    spatial axes (a ``ValueError`` is raised otherwise).
    """
    return _pool_checked(3, x, ksize, stride, pad, cover_all,
                         return_indices)
