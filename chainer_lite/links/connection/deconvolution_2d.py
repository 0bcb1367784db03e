"""L.Deconvolution2D: a 2-D transposed convolution layer."""
from chainer_lite import backend
from chainer_lite.functions.connection import deconvolution_2d
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection._util import _check_groups
from chainer_lite.links.connection._util import _pair
from chainer_lite.utils import argument
from chainer_lite import variable


class Deconvolution2D(link.Link):
    """Two-dimensional deconvolution (transposed convolution) layer.

    ``W`` has shape ``(in_channels, out_channels / groups, kh, kw)``, drawn
    from :class:`~chainer.initializers.LeCunNormal` by default; ``b`` has
    shape ``(out_channels,)`` and starts at zero. With ``in_channels=None``
    (or only two positional sizes, taken as ``out_channels, ksize``), ``W``
    is created at the first call.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Padding.
        nobias (bool): If ``True``, there is no bias.
        outsize (pair of ints): Expected output size; ``None`` computes it.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.
        dilate (int or pair of ints): Dilation of the filter.
        groups (int): Number of groups of channels.

    .. seealso:: :func:`~chainer.functions.deconvolution_2d`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> deconv = L.Deconvolution2D(3, 2, 4, stride=2, pad=1)
        >>> deconv.W.shape
        (3, 2, 4, 4)
        >>> deconv(np.zeros((1, 3, 5, 5), np.float32)).shape
        (1, 2, 10, 10)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1, pad=0,
                 nobias=False, outsize=None, initialW=None, initial_bias=None,
                 **kwargs):
        super(Deconvolution2D, self).__init__()
        dilate, groups = argument.parse_kwargs(
            kwargs, ('dilate', 1), ('groups', 1),
            deterministic='deterministic argument is not supported anymore. '
            'Use chainer.using_config(\'cudnn_deterministic\', value) '
            'context where value is either `True` or `False`.')

        if ksize is None:
            out_channels, ksize, in_channels = in_channels, out_channels, None

        self.ksize = ksize
        self.stride = _pair(stride)
        self.pad = _pair(pad)
        self.dilate = _pair(dilate)
        self.outsize = (None, None) if outsize is None else outsize
        self.out_channels = out_channels
        self.groups = int(groups)

        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if in_channels is not None:
                self._initialize_params(in_channels)

            if nobias:
                self.b = None
            else:
                if isinstance(initial_bias, backend.get_array_types()):
                    assert initial_bias.shape == (out_channels,)
                if initial_bias is None:
                    initial_bias = 0
                bias_initializer = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(bias_initializer, out_channels)

    def _initialize_params(self, in_channels):
        kh, kw = _pair(self.ksize)
        _check_groups(in_channels, self.out_channels, self.groups)
        self.W.initialize(
            (in_channels, int(self.out_channels / self.groups), kh, kw))

    def forward(self, x):
        """Applies the deconvolution.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output of shape ``(n, out_channels, h', w')``.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return deconvolution_2d.deconvolution_2d(
            x, self.W, self.b, self.stride, self.pad, self.outsize,
            dilate=self.dilate, groups=self.groups)
