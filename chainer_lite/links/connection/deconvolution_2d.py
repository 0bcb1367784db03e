"""L.Deconvolution2D: a 2-D transposed convolution layer."""
from chainer_lite import backend
from chainer_lite.functions.connection import deconvolution_2d
from chainer_lite import link
from chainer_lite.links import _params
from chainer_lite.links.connection import _util
from chainer_lite.utils import argument


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

        in_channels, out_channels, ksize = _util._shift_sizes(
            in_channels, out_channels, ksize)
        self.out_channels = out_channels
        self.ksize = ksize
        self.stride, self.pad, self.dilate = (
            _util._pair(v) for v in (stride, pad, dilate))
        self.outsize = outsize if outsize is not None else (None, None)
        self.groups = int(groups)

        with self.init_scope():
            self.W = _params.new_weight(initialW)
            if in_channels is not None:
                self._initialize_params(in_channels)
            if not nobias and isinstance(
                    initial_bias, backend.get_array_types()):
                assert initial_bias.shape == (out_channels,)
            self.b = _params.new_bias(out_channels, nobias, initial_bias)

    def _initialize_params(self, in_channels):
        # Transposed layout: input channels first, outputs split in groups.
        kh, kw = _util._pair(self.ksize)
        _util._check_groups(in_channels, self.out_channels, self.groups)
        out_per_group = int(self.out_channels // self.groups)
        self.W.initialize((in_channels, out_per_group, kh, kw))

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
            x, self.W, b=self.b, stride=self.stride,
            pad=self.pad, outsize=self.outsize,
            dilate=self.dilate, groups=self.groups)
