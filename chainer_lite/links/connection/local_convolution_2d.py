"""L.LocalConvolution2D: 2-D convolution with per-position filters."""
from chainer_lite.functions.connection import local_convolution_2d
from chainer_lite import link
from chainer_lite.links import _params
from chainer_lite.links.connection import _util


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
        self.out_channels = out_channels
        self.ksize = ksize
        self.stride = _util._pair(stride)
        self.nobias = nobias

        with self.init_scope():
            # Shapes depend on the input: both are created empty here.
            self.W = _params.new_weight(initialW)
            self.b = _params.new_bias(None, nobias, initial_bias)
            if not (in_channels is None or in_size is None):
                self._initialize_params(in_channels, in_size)

    def _initialize_params(self, in_channels, in_size):
        window = tuple(_util._pair(self.ksize))
        # One filter per position of a valid (unpadded) convolution output;
        # like Chainer, the stride is not taken into account here.
        out_hw = tuple(n - k + 1 for n, k in zip(_util._pair(in_size), window))
        self.W.initialize(
            (self.out_channels,) + out_hw + (in_channels,) + window)
        if not self.nobias:
            self.b.initialize((self.out_channels,) + out_hw)

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
