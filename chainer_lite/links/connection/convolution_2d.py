"""L.Convolution2D: a 2-D convolution layer (filters ``W``, bias ``b``)."""
import chainer_lite
from chainer_lite.functions.connection import convolution_2d
from chainer_lite import link
from chainer_lite.links import _params
from chainer_lite.links.connection import _util
from chainer_lite.utils import argument
from chainer_lite import variable


class Convolution2D(link.Link):
    """Two-dimensional convolution layer.

    ``W`` has shape ``(out_channels, in_channels / groups, kh, kw)``, drawn
    from :class:`~chainer.initializers.LeCunNormal` by default; ``b`` has
    shape ``(out_channels,)`` and starts at zero. With ``in_channels=None``
    (or only two positional sizes, taken as ``out_channels, ksize``), ``W``
    is created at the first call from the channels of the input.

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (int): Number of output channels.
        ksize (int or pair of ints): Filter size.
        stride (int or pair of ints): Stride.
        pad (int or pair of ints): Zero padding of each spatial border.
        nobias (bool): If ``True``, there is no bias.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        initial_bias (:ref:`initializer <initializer>`): Initializer of
            ``b``.
        dilate (int or pair of ints): Dilation of the filter.
        groups (int): Number of groups of channels convolved separately.

    .. seealso:: :func:`~chainer.functions.convolution_2d`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> conv = L.Convolution2D(3, 4, 3)
        >>> conv.W.shape
        (4, 3, 3, 3)
        >>> conv(np.zeros((1, 3, 8, 8), np.float32)).shape
        (1, 4, 6, 6)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1, pad=0,
                 nobias=False, initialW=None, initial_bias=None, **kwargs):
        super(Convolution2D, self).__init__()
        dilate, groups = argument.parse_kwargs(
            kwargs, ('dilate', 1), ('groups', 1),
            deterministic='deterministic argument is not supported anymore. '
            'Use chainer.using_config(\'cudnn_deterministic\', value) '
            'context where value is either `True` or `False`.')

        in_channels, out_channels, ksize = _util._shift_sizes(
            in_channels, out_channels, ksize)

        # 'cudnn_fast' compute mode asks for cuDNN's channel-last layout,
        # which F.convolution_2d refuses with a clear error.
        self.cudnn_fast = chainer_lite.get_compute_mode() == 'cudnn_fast'
        self.in_channels, self.out_channels = in_channels, out_channels
        self.ksize = ksize
        self.stride, self.pad, self.dilate = (
            _util._pair(v) for v in (stride, pad, dilate))
        self.groups = int(groups)

        with self.init_scope():
            self.W = _params.new_weight(initialW)
            if in_channels is not None:
                self._initialize_params(in_channels)
            self.b = _params.new_bias(out_channels, nobias, initial_bias)

    @property
    def printable_specs(self):
        yield 'in_channels', self.in_channels
        yield 'out_channels', self.out_channels
        yield 'ksize', self.ksize
        yield 'stride', self.stride
        yield 'pad', self.pad
        yield 'nobias', self.b is None
        yield 'dilate', self.dilate
        yield 'groups', self.groups

    def _initialize_params(self, in_channels):
        kh, kw = _util._pair(self.ksize)
        per_group = _util._channels_per_group(
            in_channels, self.out_channels, self.groups)
        self.W.initialize((self.out_channels, per_group, kh, kw))

    @classmethod
    def from_params(cls, W, b=None, stride=1, pad=0, nobias=False, **kwargs):
        """Builds a Convolution2D link holding copies of given arrays.

        Args:
            W (~chainer.Variable or :ref:`ndarray`): Filters, of shape
                ``(out_channels, in_channels / groups, kh, kw)``.
            b (~chainer.Variable or :ref:`ndarray`): Bias, or ``None``.
            stride (int or pair of ints): Stride.
            pad (int or pair of ints): Padding.
            nobias (bool): If ``True``, there is no bias.
            dilate (int or pair of ints): Dilation.
            groups (int): Number of groups.

        Returns:
            Convolution2D: The new link.
        """
        dilate, groups = argument.parse_kwargs(
            kwargs, ('dilate', 1), ('groups', 1))
        n_out, n_in_per_group = W.shape[:2]
        _util._check_bias_size(b, n_out, 'out_channels')
        return cls(
            n_in_per_group * groups, n_out, tuple(W.shape[2:]), stride=stride,
            pad=pad, nobias=nobias, initialW=variable.as_array(W),
            initial_bias=variable.as_array(b), dilate=dilate, groups=groups)

    def forward(self, x):
        """Applies the convolution.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output of shape ``(n, out_channels, h', w')``.
        """
        if self.W.array is None:
            self._initialize_params(x.shape[1])
        return convolution_2d.convolution_2d(
            x, self.W, b=self.b, stride=self.stride, pad=self.pad,
            dilate=self.dilate, groups=self.groups,
            cudnn_fast=self.cudnn_fast)
