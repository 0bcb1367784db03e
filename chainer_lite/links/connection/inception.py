"""L.Inception: the Inception module of GoogLeNet."""
from chainer_lite.functions.activation import relu
from chainer_lite.functions.array import concat
from chainer_lite.functions.pooling import max_pooling_nd
from chainer_lite import link
from chainer_lite.links.connection import convolution_2d


class Inception(link.Chain):
    """Inception module: four parallel paths concatenated along channels.

    The paths are a 1x1 convolution; a 1x1 projection then a 3x3
    convolution; a 1x1 projection then a 5x5 convolution; a 3x3 max pooling
    then a 1x1 projection. ReLU follows the projections and the output.

    Reference: Szegedy et al., https://arxiv.org/abs/1409.4842

    Args:
        in_channels (int or None): Number of input channels.
        out1 (int): Output channels of the 1x1 path.
        proj3 (int): Projection channels before the 3x3 convolution.
        out3 (int): Output channels of the 3x3 path.
        proj5 (int): Projection channels before the 5x5 convolution.
        out5 (int): Output channels of the 5x5 path.
        proj_pool (int): Output channels of the pooling path.
        conv_init: Initializer of the filters.
        bias_init: Initializer of the biases.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> inception = L.Inception(3, 2, 2, 3, 2, 4, 5)
        >>> inception(np.zeros((1, 3, 6, 6), np.float32)).shape
        (1, 14, 6, 6)
    """

    def __init__(self, in_channels, out1, proj3, out3, proj5, out5, proj_pool,
                 conv_init=None, bias_init=None):
        super(Inception, self).__init__()

        def conv(n_in, n_out, ksize, pad=0):
            return convolution_2d.Convolution2D(
                n_in, n_out, ksize, pad=pad, initialW=conv_init,
                initial_bias=bias_init)

        with self.init_scope():
            self.conv1 = conv(in_channels, out1, 1)
            self.proj3 = conv(in_channels, proj3, 1)
            self.conv3 = conv(proj3, out3, 3, pad=1)
            self.proj5 = conv(in_channels, proj5, 1)
            self.conv5 = conv(proj5, out5, 5, pad=2)
            self.projp = conv(in_channels, proj_pool, 1)

    def forward(self, x):
        """Applies the module.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: Output with ``out1 + out3 + out5 + proj_pool``
            channels and the input's spatial size.
        """
        out1 = self.conv1(x)
        out3 = self.conv3(relu.relu(self.proj3(x)))
        out5 = self.conv5(relu.relu(self.proj5(x)))
        pool = self.projp(max_pooling_nd.max_pooling_2d(
            x, 3, stride=1, pad=1))
        return relu.relu(concat.concat((out1, out3, out5, pool), axis=1))
