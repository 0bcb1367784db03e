"""L.DeconvolutionND and Deconvolution1D/3D: N-dimensional deconvolution."""
from chainer_lite.functions.connection import deconvolution_nd
from chainer_lite import link
from chainer_lite.links.connection import _util


class DeconvolutionND(link.Link):
    """N-dimensional deconvolution (transposed convolution) layer.

    ``W`` has shape ``(in_channels, out_channels / groups) + ksize`` (drawn
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
        outsize (tuple of ints): Expected output size, or ``None``.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.
        dilate (int or tuple of ints): Dilation.
        groups (int): Number of groups of channels.

    .. seealso:: :func:`~chainer.functions.deconvolution_nd`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> deconv = L.DeconvolutionND(1, 2, 3, 4, stride=2)
        >>> deconv.W.shape
        (2, 3, 4)
        >>> deconv(np.zeros((1, 2, 5), np.float32)).shape
        (1, 3, 12)
    """

    def __init__(self, ndim, in_channels, out_channels, ksize=None, stride=1,
                 pad=0, nobias=False, outsize=None, initialW=None,
                 initial_bias=None, dilate=1, groups=1):
        super(DeconvolutionND, self).__init__()
        # outsize stays as given; F.deconvolution_nd expands it.
        self.outsize = outsize
        _util._init_nd_link(
            self, ndim, in_channels, out_channels, ksize, stride, pad, nobias,
            initialW, initial_bias, dilate, groups)

    def _initialize_params(self, in_channels):
        # Transposed layout: input channels first, outputs split in groups.
        _util._check_groups(in_channels, self.out_channels, self.groups)
        out_per_group = int(self.out_channels // self.groups)
        self.W.initialize((in_channels, out_per_group) + self.ksize)

    def forward(self, x):
        """Applies the deconvolution.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, d_1, ..., d_N)``.

        Returns:
            ~chainer.Variable: The output.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return deconvolution_nd.deconvolution_nd(
            x, self.W, b=self.b, stride=self.stride,
            pad=self.pad, outsize=self.outsize,
            dilate=self.dilate, groups=self.groups)


class Deconvolution1D(DeconvolutionND):
    """1-D deconvolution layer: :class:`DeconvolutionND` with ``ndim=1``.

    The arguments are those of :class:`DeconvolutionND` without ``ndim``.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, outsize=None, initialW=None, initial_bias=None,
                 dilate=1, groups=1):
        super(Deconvolution1D, self).__init__(
            1, in_channels, out_channels, ksize, stride=stride, pad=pad,
            nobias=nobias, outsize=outsize, initialW=initialW,
            initial_bias=initial_bias, dilate=dilate, groups=groups)


class Deconvolution3D(DeconvolutionND):
    """3-D deconvolution layer: :class:`DeconvolutionND` with ``ndim=3``.

    The arguments are those of :class:`DeconvolutionND` without ``ndim``.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, outsize=None, initialW=None, initial_bias=None,
                 dilate=1, groups=1):
        super(Deconvolution3D, self).__init__(
            3, in_channels, out_channels, ksize, stride=stride, pad=pad,
            nobias=nobias, outsize=outsize, initialW=initialW,
            initial_bias=initial_bias, dilate=dilate, groups=groups)
