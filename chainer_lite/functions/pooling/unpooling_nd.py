"""Unpooling over N spatial axes (``unpooling_1d/3d/nd``)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_nd
from chainer_lite import utils
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


class UnpoolingND(pooling_nd._PoolingND):

    """Unpooling over a set of N-dimensional planes."""

    def __init__(self, ndim, ksize, stride=None, pad=0, outsize=None,
                 cover_all=True):
        super(UnpoolingND, self).__init__(ndim, ksize, stride, pad, cover_all)
        self.outs = None if outsize is None else outsize

    def check_type_forward(self, in_types):
        n_in = in_types.size()
        type_check.expect(n_in == 1)
        x_type = in_types[0]
        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2 + self.ndim,
        )
        if self.outs is not None:
            expected_dims = tuple(
                conv.get_conv_outsize(out, k, s, p, cover_all=self.cover_all)
                for out, k, s, p
                in zip(self.outs, self.ksize, self.stride, self.pad))
            type_check.expect(x_type.shape[2:] == expected_dims)

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        dims = x.shape[2:]
        if self.outs is None:
            self.outs = tuple(
                conv.get_deconv_outsize(d, k, s, p, cover_all=self.cover_all)
                for d, k, s, p in zip(dims, self.ksize, self.stride,
                                      self.pad))
        k = utils.size_of_shape(self.ksize)
        col = xp.broadcast_to(x[:, :, None], x.shape[:2] + (k,) + dims)
        return _util.scatter(col, self.ksize, self.stride, self.pad,
                             self.outs),

    def backward(self, indexes, grad_outputs):
        return UnpoolingNDGrad(self).apply(grad_outputs)


class UnpoolingNDGrad(function_node.FunctionNode):

    """Sums the output gradient over every window (sum pooling)."""

    def __init__(self, unpoolingnd):
        self.ndim = unpoolingnd.ndim
        self.ksize = unpoolingnd.ksize
        self.stride = unpoolingnd.stride
        self.pad = unpoolingnd.pad
        self.outs = unpoolingnd.outs
        self.cover_all = unpoolingnd.cover_all

    def forward(self, inputs):
        gy, = inputs
        outs = _util.out_sizes(gy.shape[2:], self.ksize, self.stride,
                               self.pad, self.cover_all)
        col = _util.windows(gy, self.ksize, self.stride, self.pad, outs, 0)
        return col.sum(axis=2),

    def backward(self, indexes, grad_outputs):
        return UnpoolingND(
            self.ndim, self.ksize, self.stride, self.pad, self.outs,
            self.cover_all).apply(grad_outputs)


def unpooling_nd(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Inverse operation of N-dimensional spatial pooling.

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
        ~chainer.Variable: Output variable.

    Example:

        >>> x = np.array([[[1, 2, 3]]], dtype=np.float32)
        >>> F.unpooling_nd(x, 2, cover_all=False).array
        array([[[1., 1., 2., 2., 3., 3.]]], dtype=float32)
    """
    ndim = len(x.shape[2:])
    return UnpoolingND(
        ndim, ksize, stride, pad, outsize, cover_all).apply((x,))[0]


def _check_ndim(x, ndim):
    if len(x.shape[2:]) != ndim:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                ndim, len(x.shape[2:])))


def unpooling_1d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Inverse operation of 1-dimensional spatial pooling.

    It is :func:`~chainer.functions.unpooling_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    _check_ndim(x, 1)
    return unpooling_nd(x, ksize, stride, pad, outsize, cover_all)


def unpooling_3d(x, ksize, stride=None, pad=0, outsize=None, cover_all=True):
    """Inverse operation of 3-dimensional spatial pooling.

    It is :func:`~chainer.functions.unpooling_nd` for inputs with three
    spatial axes (a ``ValueError`` is raised otherwise).
    """
    _check_ndim(x, 3)
    return unpooling_nd(x, ksize, stride, pad, outsize, cover_all)
