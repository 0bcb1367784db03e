"""L.DilatedConvolution2D: 2-D convolution with dilated filters."""
from chainer_lite.functions.connection import dilated_convolution_2d
from chainer_lite import link
from chainer_lite.links import _params
from chainer_lite.links.connection import _util


class DilatedConvolution2D(link.Link):
    """Two-dimensional convolution with dilated (atrous) filters.

    ``W`` has shape ``(out_channels, in_channels, kh, kw)`` (LeCunNormal by
    default) and ``b`` shape ``(out_channels,)``. With ``in_channels=None``
    (or only ``out_channels, ksize``) ``W`` is created at the first call.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Padding.
        dilate (int or pair of ints): Dilation.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.

    .. seealso:: :func:`~chainer.functions.dilated_convolution_2d`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> conv = L.DilatedConvolution2D(1, 2, 3, dilate=2)
        >>> conv(np.zeros((1, 1, 7, 7), np.float32)).shape
        (1, 2, 3, 3)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1, pad=0,
                 dilate=1, nobias=False, initialW=None, initial_bias=None):
        super(DilatedConvolution2D, self).__init__()

        in_channels, out_channels, ksize = _util._shift_sizes(
            in_channels, out_channels, ksize)
        self.out_channels = out_channels
        self.ksize = ksize
        self.stride, self.pad, self.dilate = (
            _util._pair(v) for v in (stride, pad, dilate))

        with self.init_scope():
            self.W = _params.new_weight(initialW)
            if in_channels is not None:
                self._initialize_params(in_channels)
            self.b = _params.new_bias(out_channels, nobias, initial_bias)

    def _initialize_params(self, in_channels):
        kh, kw = _util._pair(self.ksize)
        self.W.initialize((self.out_channels, in_channels, kh, kw))

    def forward(self, x):
        """Applies the dilated convolution.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: The output.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return dilated_convolution_2d.dilated_convolution_2d(
            x, self.W, self.b, stride=self.stride, pad=self.pad,
            dilate=self.dilate)
