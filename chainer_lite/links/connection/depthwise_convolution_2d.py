"""L.DepthwiseConvolution2D: per-channel 2-D convolution with a multiplier."""
import numpy

from chainer_lite.functions.connection import depthwise_convolution_2d
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection._util import _pair
from chainer_lite import variable


class DepthwiseConvolution2D(link.Link):
    """Depthwise convolution: each input channel has its own filters.

    ``W`` has shape ``(channel_multiplier, in_channels, kh, kw)`` (drawn
    from :class:`~chainer.initializers.HeNormal` with scale
    :math:`1/\\sqrt{2}` by default) and ``b`` shape
    ``(channel_multiplier * in_channels,)``. With ``in_channels=None`` both
    are created at the first call.

    Args:
        in_channels (int or None): Number of input channels.
        channel_multiplier (int): Output channels per input channel.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Padding.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.

    .. seealso:: :func:`~chainer.functions.depthwise_convolution_2d`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> conv = L.DepthwiseConvolution2D(3, 2, 3)
        >>> conv.W.shape, conv.b.shape
        ((2, 3, 3, 3), (6,))
        >>> conv(np.zeros((1, 3, 5, 5), np.float32)).shape
        (1, 6, 3, 3)
    """

    def __init__(self, in_channels, channel_multiplier, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None):
        super(DepthwiseConvolution2D, self).__init__()
        self.ksize = ksize
        self.stride = _pair(stride)
        self.pad = _pair(pad)
        self.channel_multiplier = channel_multiplier
        self.nobias = nobias

        if initialW is None:
            initialW = initializers.HeNormal(1. / numpy.sqrt(2))

        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = initializers.Constant(0)
                bias_initializer = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(bias_initializer)

        if in_channels is not None:
            self._initialize_params(in_channels)

    def _initialize_params(self, in_channels):
        kh, kw = _pair(self.ksize)
        self.W.initialize((self.channel_multiplier, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize(self.channel_multiplier * in_channels)

    def forward(self, x):
        """Applies the depthwise convolution.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output with ``channel_multiplier * c``
            channels.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return depthwise_convolution_2d.depthwise_convolution_2d(
            x, self.W, self.b, self.stride, self.pad)
