"""L.ConvolutionND (and the 1-D/3-D shorthands): N-dimensional convolution."""
from chainer_lite.functions.connection import convolution_nd
from chainer_lite import link
from chainer_lite.links.connection import _util
from chainer_lite.utils import argument
from chainer_lite import variable


class ConvolutionND(link.Link):
    """Convolution layer over any number of spatial dimensions.

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
        self.cover_all = cover_all
        _util._init_nd_link(
            self, ndim, in_channels, out_channels, ksize, stride, pad, nobias,
            initialW, initial_bias, dilate, groups)

    def _initialize_params(self, in_channels):
        per_group = _util._channels_per_group(
            in_channels, self.out_channels, self.groups)
        self.W.initialize((self.out_channels, per_group) + self.ksize)

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
            kwargs, ('cover_all', False), ('dilate', 1),
            ('groups', 1))
        n_out, n_in_per_group = W.shape[:2]
        _util._check_bias_size(b, n_out, 'out_channels')
        window = W.shape[2:]
        W, b = variable.as_array(W), variable.as_array(b)
        return cls(
            len(window), n_in_per_group * groups, n_out, window,
            stride=stride, pad=pad, nobias=nobias, initialW=W,
            initial_bias=b, cover_all=cover_all, dilate=dilate,
            groups=groups)

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
            x, self.W, b=self.b, stride=self.stride, pad=self.pad,
            cover_all=self.cover_all,
            dilate=self.dilate, groups=self.groups)


class Convolution1D(ConvolutionND):
    """1-D convolution layer: :class:`ConvolutionND` with ``ndim=1``.

    The arguments are those of :class:`ConvolutionND` without ``ndim``.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride=stride, pad=pad,
            nobias=nobias, initialW=initialW, initial_bias=initial_bias,
            cover_all=cover_all, dilate=dilate, groups=groups)


class Convolution3D(ConvolutionND):
    """3-D convolution layer: :class:`ConvolutionND` with ``ndim=3``.

    The arguments are those of :class:`ConvolutionND` without ``ndim``.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None,
                 cover_all=False, dilate=1, groups=1):
        super(Convolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride=stride, pad=pad,
            nobias=nobias, initialW=initialW, initial_bias=initial_bias,
            cover_all=cover_all, dilate=dilate, groups=groups)
