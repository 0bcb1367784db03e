"""Average pooling over N spatial axes (``average_pooling_1d/3d/nd``)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.connection import _util as conv_util
from chainer_lite.functions.pooling import _util
from chainer_lite.functions.pooling import pooling_nd
from chainer_lite import utils
from chainer_lite.utils import conv


def _window_widths(dims, ksize, stride, pad, dtype):
    # Number of real (non-padding) input elements in every window, as an
    # array of the output's spatial shape.
    width = numpy.ones((), dtype=dtype)
    for d, k, s, p in zip(dims, ksize, stride, pad):
        n = conv.get_conv_outsize(d, k, s, p)
        starts = -p + numpy.arange(n) * s
        w = numpy.minimum(starts + k, d) - numpy.maximum(starts, 0)
        width = numpy.multiply.outer(width, w.astype(dtype))
    return width


class AveragePoolingND(pooling_nd._PoolingND):

    """Window means over N spatial axes of every channel.

    ``pad_value=0`` averages over whole windows (padding counts as zeros);
    ``pad_value=None`` averages over the non-padding elements only.
    """

    def __init__(self, ndim, ksize, stride=None, pad=0, cover_all=False,
                 pad_value=0):
        if not (pad_value is None or pad_value == 0):
            raise ValueError(
                'pad_value must be either 0 or None, not {}.'.format(
                    pad_value))
        if cover_all is True:
            raise ValueError('`cover_all` mode is not supported yet.')
        super().__init__(ndim, ksize, stride, pad, cover_all)
        self.pad_value = pad_value

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        self._in_shape = x.shape
        self._in_dtype = x.dtype
        outs = _util.out_sizes(x.shape[2:], self.ksize, self.stride,
                               self.pad, False)
        col = _util.windows(x, self.ksize, self.stride, self.pad, outs, 0)
        if self.pad_value is None:
            self.width = xp.asarray(_window_widths(
                x.shape[2:], self.ksize, self.stride, self.pad, x.dtype))
            return col.sum(axis=2) / self.width,
        self.width = None
        return col.mean(axis=2),

    def backward(self, indexes, grad_outputs):
        return AveragePoolingNDGrad(self).apply(grad_outputs)


class AveragePoolingNDGrad(function_node.FunctionNode):

    """Spreads each output gradient evenly over its window."""

    def __init__(self, apoolnd):
        self.func = apoolnd

    def forward(self, inputs):
        gy, = inputs
        func = self.func
        k = utils.size_of_shape(func.ksize)
        # Each window's share: 1/k, or 1/(its real elements) without
        # padding.
        if func.pad_value is None:
            gy = gy / func.width
        else:
            gy = gy / gy.dtype.type(k)
        return _util.scatter(_util.spread(gy, k), func.ksize, func.stride,
                             func.pad, func._in_shape[2:]),

    def backward(self, indexes, grad_outputs):
        # Spreading is the adjoint of averaging: the same pooling again.
        func = self.func
        node = AveragePoolingND(func.ndim, func.ksize, func.stride, func.pad,
                                pad_value=func.pad_value)
        return node.apply(grad_outputs)


def average_pooling_nd(x, ksize, stride=None, pad=0, pad_value=0):
    """Mean of every window, over any number of spatial axes.

    Every output element is the mean of one window of the input, the
    windows being laid out like the patches of
    :func:`~chainer.functions.convolution_nd`. ``cover_all`` mode is not
    supported.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, d_1, ..., d_N)`.
        ksize (int or tuple of ints): Size of the windows. ``ksize=k`` and
            ``(k, k, ..., k)`` give the same windows.
        stride (int or tuple of ints or None): Stride of the windows; the
            window size when ``None``.
        pad (int or tuple of ints): Padding on each side.
        pad_value (0 or None): ``0`` counts padded positions as zeros (the
            averages near the border are biased towards zero); ``None``
            leaves them out of the averages.

    Returns:
        ~chainer.Variable: The window means.

    Example:

        >>> x = np.ones((1, 1, 3), dtype=np.float32)
        >>> F.average_pooling_nd(x, 2, stride=1, pad=1).array
        array([[[0.5, 1. , 1. , 0.5]]], dtype=float32)
        >>> F.average_pooling_nd(x, 2, stride=1, pad=1, pad_value=None).array
        array([[[1., 1., 1., 1.]]], dtype=float32)
    """
    node = AveragePoolingND(len(x.shape) - 2, ksize, stride, pad,
                            pad_value=pad_value)
    return node.apply((x,))[0]


def average_pooling_1d(x, ksize, stride=None, pad=0, pad_value=0):
    """Average pooling of sequences (one spatial axis).

    It is :func:`~chainer.functions.average_pooling_nd` for inputs with one
    spatial axis (a ``ValueError`` is raised otherwise).
    """
    conv_util.require_spatial_ndim(x, 1)
    return average_pooling_nd(x, ksize, stride=stride, pad=pad,
                              pad_value=pad_value)


def average_pooling_3d(x, ksize, stride=None, pad=0, pad_value=0):
    """Average pooling of volumes (three spatial axes).

    It is :func:`~chainer.functions.average_pooling_nd` for inputs with
    three spatial axes (a ``ValueError`` is raised otherwise).
    """
    conv_util.require_spatial_ndim(x, 3)
    return average_pooling_nd(x, ksize, stride=stride, pad=pad,
                              pad_value=pad_value)
