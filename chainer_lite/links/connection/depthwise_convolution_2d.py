"""L.DepthwiseConvolution2D: per-channel 2-D convolution with a multiplier."""
from chainer_lite.functions.connection import depthwise_convolution_2d
from chainer_lite import link
from chainer_lite.links import _params
from chainer_lite.links.connection import _util


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
        self.channel_multiplier = channel_multiplier
        self.ksize = ksize
        self.stride, self.pad = _util._pair(stride), _util._pair(pad)
        self.nobias = nobias

        if initialW is None:
            initialW = _params.he_normal_half_gain()
        with self.init_scope():
            # Both shapes depend on the input channels: created empty here.
            self.W = _params.new_weight(initialW)
            self.b = _params.new_bias(None, nobias, initial_bias)
        if in_channels is not None:
            self._initialize_params(in_channels)

    def _initialize_params(self, in_channels):
        m = self.channel_multiplier
        kh, kw = _util._pair(self.ksize)
        self.W.initialize((m, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize(m * in_channels)

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
            x, self.W, b=self.b, stride=self.stride, pad=self.pad)
