"""Deformable convolution: a convolution that also learns where to sample."""
from chainer_lite.functions.connection import deformable_convolution_2d_sampler
from chainer_lite import initializers
from chainer_lite import link
from chainer_lite.links.connection import _util
from chainer_lite.links.connection.convolution_2d import Convolution2D
from chainer_lite import variable


class DeformableConvolution2D(link.Chain):
    """Two-dimensional deformable convolutional layer.

    A plain convolution (``offset_conv``) predicts, for every output pixel,
    a 2-d displacement of each of the ``kh * kw`` filter taps; the
    deformable convolution (``deform_conv``) then reads the input at the
    displaced positions (bilinear interpolation) and applies its filter.

    Args:
        in_channels (int or None): Number of input channels; ``None`` defers
            the parameters' initialization to the first call.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride of the filter application.
        pad (int or pair of ints): Spatial padding of the input.
        offset_nobias (bool): ``offset_conv`` has no bias.
        offset_initialW: Initializer of ``offset_conv``'s filter.
        offset_initial_bias: Initializer of ``offset_conv``'s bias.
        deform_nobias (bool): ``deform_conv`` has no bias.
        deform_initialW: Initializer of ``deform_conv``'s filter (zeros by
            default).
        deform_initial_bias: Initializer of ``deform_conv``'s bias.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> l = L.DeformableConvolution2D(3, 4, 3, pad=1)
        >>> l(np.zeros((1, 3, 5, 5), np.float32)).shape
        (1, 4, 5, 5)
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 offset_nobias=False, offset_initialW=None,
                 offset_initial_bias=None, deform_nobias=False,
                 deform_initialW=None, deform_initial_bias=None):
        super(DeformableConvolution2D, self).__init__()
        kh, kw = _util._pair(ksize)
        with self.init_scope():
            # Two offsets (rows, columns) per filter tap.
            self.offset_conv = Convolution2D(
                in_channels, 2 * kh * kw, ksize, stride, pad,
                offset_nobias, offset_initialW, offset_initial_bias)
            self.deform_conv = DeformableConvolution2DSampler(
                in_channels, out_channels, ksize, stride, pad,
                deform_nobias, deform_initialW, deform_initial_bias)

    def forward(self, x):
        """Applies the deformable convolution to ``x``."""
        return self.deform_conv(x, self.offset_conv(x))


class DeformableConvolution2DSampler(link.Link):
    """The sampling convolution of :class:`DeformableConvolution2D`.

    Holds the filter ``W`` (``(out_channels, in_channels, kh, kw)``, zeros
    by default) and the bias ``b``, and applies
    :func:`~chainer.functions.deformable_convolution_2d_sampler` given the
    input and the offsets.
    """

    def __init__(self, in_channels, out_channels, ksize, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None):
        super(DeformableConvolution2DSampler, self).__init__()
        self.ksize = ksize
        self.stride = _util._pair(stride)
        self.pad = _util._pair(pad)
        self.out_channels = out_channels
        if initialW is None:
            initialW = initializers.Zero()
        with self.init_scope():
            self.W = variable.Parameter(
                initializers._get_initializer(initialW))
            if nobias:
                self.b = None
            else:
                self.b = variable.Parameter(initializers._get_initializer(
                    0 if initial_bias is None else initial_bias))
        if in_channels is not None:
            self._initialize_params(in_channels)

    def _initialize_params(self, in_channels):
        kh, kw = _util._pair(self.ksize)
        self.W.initialize((self.out_channels, in_channels, kh, kw))
        if self.b is not None:
            self.b.initialize(self.out_channels)

    def forward(self, x, offset):
        """Samples ``x`` at the taps moved by ``offset`` and convolves."""
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return deformable_convolution_2d_sampler.\
            deformable_convolution_2d_sampler(
                x, offset, self.W, self.b, self.stride, self.pad)
