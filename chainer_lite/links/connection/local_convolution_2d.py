"""L.LocalConvolution2D: 2-D convolution with per-position filters."""
from chainer_lite.functions.connection import local_convolution_2d
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection._util import _pair
from chainer_lite import variable


class LocalConvolution2D(link.Link):
    """Locally connected 2-D layer: a separate filter at each output position.

    ``W`` has shape ``(out_channels, oh, ow, in_channels, kh, kw)`` and ``b``
    shape ``(out_channels, oh, ow)``, where ``oh, ow`` are the output sizes
    of a valid (unpadded) convolution of the input size. Without
    ``in_channels`` and ``in_size`` they are created at the first call.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        in_size (int or pair of ints): Spatial size of the input.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.

    .. seealso:: :func:`~chainer.functions.local_convolution_2d`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> conv = L.LocalConvolution2D(2, 3, in_size=4, ksize=3)
        >>> conv.W.shape
        (3, 2, 2, 2, 3, 3)
        >>> conv(np.zeros((1, 2, 4, 4), np.float32)).shape
        (1, 3, 2, 2)
    """

    def __init__(self, in_channels, out_channels, in_size=None, ksize=None,
                 stride=1, nobias=False, initialW=None, initial_bias=None,
                 **kwargs):
        super(LocalConvolution2D, self).__init__()
        self.ksize = ksize
        self.stride = _pair(stride)
        self.nobias = nobias
        self.out_channels = out_channels

        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                bias_initializer = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(bias_initializer)
            if in_channels is not None and in_size is not None:
                self._initialize_params(in_channels, _pair(in_size))

    def _initialize_params(self, in_channels, in_size):
        kh, kw = _pair(self.ksize)
        ih, iw = _pair(in_size)
        # The output size of a valid convolution; the stride is not applied
        # here, as in Chainer.
        oh = ih - kh + 1
        ow = iw - kw + 1
        self.W.initialize((self.out_channels, oh, ow, in_channels, kh, kw))
        if not self.nobias:
            self.b.initialize((self.out_channels, oh, ow))

    def forward(self, x):
        """Applies the locally connected layer.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output of shape ``(n, out_channels, oh, ow)``.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1], x.shape[2:])
        return local_convolution_2d.local_convolution_2d(
            x, self.W, self.b, self.stride)
