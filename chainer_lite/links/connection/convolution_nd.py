"""L.ConvolutionND (and the 1-D/3-D shorthands): N-dimensional convolution."""
from chainer_lite.functions.connection import convolution_nd
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection._util import _check_groups
from chainer_lite.utils import argument
from chainer_lite.utils import conv_nd
from chainer_lite import variable


class ConvolutionND(link.Link):
    """N-dimensional convolution layer.

    ``W`` has shape ``(out_channels, in_channels / groups) + ksize`` (drawn
    from :class:`~chainer.initializers.LeCunNormal` by default), ``b`` has
    shape ``(out_channels,)``. With ``in_channels=None`` (or only the two
    sizes ``out_channels, ksize`` after ``ndim``) ``W`` is created at the
    first call.

    Args:
        ndim (int): Number of spatial dimensions.
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or tuple of ints): Filter size.
        stride (int or tuple of ints): Stride.
        pad (int or tuple of ints): Padding.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.
        cover_all (bool): Whether to cover all input positions with the
            last stride.
        dilate (int or tuple of ints): Dilation.
        groups (int): Number of groups of channels.

    .. seealso:: :func:`~chainer.functions.convolution_nd`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> conv = L.ConvolutionND(3, 2, 4, 3)
        >>> conv.W.shape
        (4, 2, 3, 3, 3)
        >>> conv(np.zeros((1, 2, 5, 5, 5), np.float32)).shape
        (1, 4, 3, 3, 3)
    """

    def __init__(self, ndim, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(ConvolutionND, self).__init__()

        if ksize is None:
            out_channels, ksize, in_channels = \
                in_channels, out_channels, None

        self.out_channels = out_channels
        self.ksize = conv_nd.as_tuple(ksize, ndim)
        self.stride = stride
        self.pad = pad
        self.cover_all = cover_all
        self.dilate = conv_nd.as_tuple(dilate, ndim)
        self.groups = int(groups)

        with self.init_scope():
            W_initializer = initializers._get_initializer(initialW)
            self.W = variable.Parameter(W_initializer)
            if in_channels is not None:
                self._initialize_params(in_channels)

            if nobias:
                self.b = None
            else:
                if initial_bias is None:
                    initial_bias = 0
                initial_bias = initializers._get_initializer(initial_bias)
                self.b = variable.Parameter(initial_bias, out_channels)

    def _initialize_params(self, in_channels):
        _check_groups(in_channels, self.out_channels, self.groups)
        self.W.initialize(
            (self.out_channels, int(in_channels / self.groups)) + self.ksize)

    @classmethod
    def from_params(cls, W, b=None, stride=1, pad=0, nobias=False, **kwargs):
        """Builds a ConvolutionND link holding copies of given arrays.

        Args:
            W (~chainer.Variable or :ref:`ndarray`): Filters, of shape
                ``(out_channels, in_channels / groups) + ksize``.
            b (~chainer.Variable or :ref:`ndarray`): Bias, or ``None``.
            stride (int or tuple of ints): Stride.
            pad (int or tuple of ints): Padding.
            nobias (bool): If ``True``, there is no bias.
            cover_all (bool): See the constructor.
            dilate (int or tuple of ints): Dilation.
            groups (int): Number of groups.

        Returns:
            ConvolutionND: The new link.
        """
        cover_all, dilate, groups = argument.parse_kwargs(
            kwargs, ('cover_all', False), ('dilate', 1), ('groups', 1))
        out_channels, in_channels_per_group = W.shape[:2]
        ksize = W.shape[2:]
        if b is not None and out_channels != b.size:
            raise ValueError(
                '`out_channels` does not match the size of `b`')
        return cls(
            len(ksize), in_channels_per_group * groups, out_channels, ksize,
            stride, pad, nobias, initialW=variable.as_array(W),
            initial_bias=variable.as_array(b), cover_all=cover_all,
            dilate=dilate, groups=groups)

    def forward(self, x):
        """Applies the convolution.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, d_1, ..., d_N)``.

        Returns:
            ~chainer.Variable: The output.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return convolution_nd.convolution_nd(
            x, self.W, self.b, self.stride, self.pad, cover_all=self.cover_all,
            dilate=self.dilate, groups=self.groups)


class Convolution1D(ConvolutionND):
    """1-D convolution layer: :class:`ConvolutionND` with ``ndim=1``.

    The arguments are those of :class:`ConvolutionND` without ``ndim``.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride, pad, nobias, initialW,
            initial_bias, cover_all, dilate, groups)


class Convolution3D(ConvolutionND):
    """3-D convolution layer: :class:`ConvolutionND` with ``ndim=3``.

    The arguments are those of :class:`ConvolutionND` without ``ndim``.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride, pad, nobias, initialW,
            initial_bias, cover_all, dilate, groups)
