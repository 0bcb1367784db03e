"""Unpooling over N spatial axes (``unpooling_1d/3d/nd``)."""
from chainer_lite import function_node
from chainer_lite.functions.connection import _util as conv_util
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_nd
from chainer_lite import utils
from chainer_lite.utils import type_check


class UnpoolingND(pooling_nd._PoolingND):

    """Copies every element over its window of a larger array."""

    def __init__(self, ndim, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super().__init__(ndim, ksize, stride, pad, cover_all)
        self.outs = outsize

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1)
        x_type, = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2 + self.ndim,
        )
        if self.outs is None:
            return
        # Pooling the requested output must give back the input's size
        # (compared as a whole shape, as Chainer reports it).
        pooled = _util.pooled_sizes(self.outs, self.ksize, self.stride,
                                    self.pad, self.cover_all)
        type_check.expect(x_type.shape[2:] == pooled)

    def forward(self, inputs):
        x, = inputs
        if self.outs is None:
            self.outs = _util.unpooled_sizes(
                (None,) * self.ndim, x.shape[2:], self.ksize, self.stride,
                self.pad, self.cover_all)
        # Overlapping windows add up.
        col = _util.spread(x, utils.size_of_shape(self.ksize))
        return _util.scatter(col, self.ksize, self.stride, self.pad,
                             self.outs),

    def backward(self, indexes, grad_outputs):
        return UnpoolingNDGrad(self).apply(grad_outputs)


class UnpoolingNDGrad(function_node.FunctionNode):

    """Sums the output gradient over every window (sum pooling)."""

    def __init__(self, unpoolingnd):
        for name in ('ndim', 'ksize', 'stride', 'pad', 'outs', 'cover_all'):
            setattr(self, name, getattr(unpoolingnd, name))

    def forward(self, inputs):
        gy, = inputs
        window = (self.ksize, self.stride, self.pad)
        outs = _util.out_sizes(gy.shape[2:], *window, self.cover_all)
        return _util.windows(gy, *window, outs, 0).sum(axis=2),

    def backward(self, indexes, grad_outputs):
        node = UnpoolingND(self.ndim, self.ksize, self.stride, self.pad,
                           outsize=self.outs, cover_all=self.cover_all)
        return node.apply(grad_outputs)


def unpooling_nd(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Enlarges arrays by repeating each element over a window.

    The N-dimensional generalization of
    :func:`~chainer.functions.unpooling_2d`: every input element is copied
    over a ``ksize`` window of the output; overlapping windows add up.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, d_1, ..., d_N)`.
        ksize (int or tuple of ints): Size of the windows
            :math:`(k_1, ..., k_N)`; ``k`` is equivalent to
            ``(k, ..., k)``.
        stride (int, tuple of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or tuple of ints): Padding cropped from each side of the
            output.
        outsize (None or tuple of ints): Spatial output size; estimated from
            the input size, stride and padding when ``None``.
        cover_all (bool): Whether the pooling being inverted used
            ``cover_all`` (it can make the output smaller).

    Returns:
        ~chainer.Variable: The enlarged array.

    Example:

        >>> x = np.array([[[1, 2, 3]]], dtype=np.float32)
        >>> F.unpooling_nd(x, 2, cover_all=False).array
        array([[[1., 1., 2., 2., 3., 3.]]], dtype=float32)
    """
    node = UnpoolingND(len(x.shape) - 2, ksize, stride, pad, outsize,
                       cover_all)
    return node.apply((x,))[0]


def unpooling_1d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Unpooling of sequences (one spatial axis).

    It is :func:`~chainer.functions.unpooling_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    conv_util.require_spatial_ndim(x, 1)
    return unpooling_nd(x, ksize, stride=stride, pad=pad, outsize=outsize,
                        cover_all=cover_all)


def unpooling_3d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Unpooling of volumes (three spatial axes).

    It is :func:`~chainer.functions.unpooling_nd` for inputs with three
    spatial axes (a ``ValueError`` is raised otherwise).
    """
    conv_util.require_spatial_ndim(x, 3)
    return unpooling_nd(x, ksize, stride=stride, pad=pad, outsize=outsize,
                        cover_all=cover_all)
