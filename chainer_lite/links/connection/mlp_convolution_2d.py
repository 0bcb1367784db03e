"""L.MLPConvolution2D: a convolution followed by 1x1 convolutions (mlpconv)."""
from chainer_lite.functions.activation import relu
from chainer_lite import link
from chainer_lite.links.connection import _util
from chainer_lite.links.connection import convolution_2d
from chainer_lite.utils import argument


class MLPConvolution2D(link.ChainList):
    """The "mlpconv" layer of Network in Network, on 2-D inputs.

    A ``ksize`` convolution followed by 1x1 convolutions, one per further
    entry of ``out_channels``, with ``activation`` between them (not after
    the last).

    Reference: Lin et al., https://arxiv.org/abs/1312.4400

    Args:
        in_channels (int or None): Number of input channels.
        out_channels (tuple of ints): Output channels of each convolution.
        ksize (int or pair of ints): Size of the first filter.
        stride (int or pair of ints): Stride of the first convolution.
        pad (int or pair of ints): Padding of the first convolution.
        activation (callable): Activation between the convolutions.
        conv_init: Initializer of the filters.
        bias_init: Initializer of the biases.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> mlpconv = L.MLPConvolution2D(3, (4, 5), 3)
        >>> len(mlpconv), mlpconv[1].W.shape
        (2, (5, 4, 1, 1))
        >>> mlpconv(np.zeros((1, 3, 6, 6), np.float32)).shape
        (1, 5, 4, 4)
    """

    def __init__(self, in_channels, out_channels, ksize=None, stride=1, pad=0,
                 activation=relu.relu, *args, **kwargs):
        msg = ('wscale is not supported anymore. '
               'Use conv_init and bias_init argument to change '
               'the scale of initial parameters.')
        if args:
            raise TypeError(msg)
        argument.check_unexpected_kwargs(kwargs, wscale=msg)
        conv_init, bias_init = argument.parse_kwargs(
            kwargs, ('conv_init', None), ('bias_init', None))

        in_channels, out_channels, ksize = _util._shift_sizes(
            in_channels, out_channels, ksize)
        assert len(out_channels) > 0

        # (in, out, ksize, stride, pad) of each layer: the first one has the
        # requested window, the following ones are 1x1.
        specs = [(in_channels, out_channels[0], ksize, stride, pad)]
        specs.extend((c_in, c_out, 1, 1, 0) for c_in, c_out in
                     zip(out_channels[:-1], out_channels[1:]))
        super(MLPConvolution2D, self).__init__(*[
            convolution_2d.Convolution2D(
                c_in, c_out, k, stride=s, pad=p, initialW=conv_init,
                initial_bias=bias_init)
            for c_in, c_out, k, s, p in specs])
        self.activation = activation

    def forward(self, x):
        """Applies the convolutions.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output of the last convolution.
        """
        *hidden, last = self
        for conv in hidden:
            x = self.activation(conv(x))
        return last(x)
