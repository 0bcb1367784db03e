"""L.InceptionBN: the Inception module with batch normalization."""
import chainer_lite
from chainer_lite.functions.activation import relu
from chainer_lite.functions.array import concat
from chainer_lite.functions.pooling import average_pooling_2d
from chainer_lite.functions.pooling import max_pooling_nd
from chainer_lite import link
from chainer_lite.links.connection import convolution_2d
from chainer_lite.links.normalization import batch_normalization


class InceptionBN(link.Chain):
    """Inception module with batch normalization (Inception v2).

    Paths, concatenated along channels: an optional 1x1 convolution
    (``out1 > 0``); a 1x1 projection and a 3x3 convolution; a 1x1
    projection and two 3x3 convolutions; a max or average pooling,
    optionally followed by a 1x1 projection. Each convolution has no bias
    and is followed by batch normalization and ReLU. ``stride`` applies to
    the last convolution of each 3x3 path and to the pooling.

    Reference: Ioffe and Szegedy, https://arxiv.org/abs/1502.03167

    Args:
        in_channels (int or None): Number of input channels.
        out1 (int): Output channels of the 1x1 path (0: no such path).
        proj3 (int): Projection channels of the 3x3 path.
        out3 (int): Output channels of the 3x3 path.
        proj33 (int): Projection channels of the double 3x3 path.
        out33 (int): Output channels of the double 3x3 path.
        pooltype (str): ``'max'`` or ``'avg'``.
        proj_pool (int): Output channels of the pooling projection, or
            ``None`` for no projection.
        stride (int): Stride of the reducing layers.
        conv_init: Initializer of the filters.
        dtype: Dtype of the batch normalization parameters.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> block = L.InceptionBN(3, 2, 2, 3, 2, 4, 'max', proj_pool=5)
        >>> block(np.ones((2, 3, 6, 6), np.float32)).shape
        (2, 14, 6, 6)
    """

    def __init__(self, in_channels, out1, proj3, out3, proj33, out33,
                 pooltype, proj_pool=None, stride=1, conv_init=None,
                 dtype=None):
        super(InceptionBN, self).__init__()
        self.out1 = out1
        self.proj_pool = proj_pool
        self.stride = stride
        self.pooltype = pooltype
        if pooltype != 'max' and pooltype != 'avg':
            raise NotImplementedError()
        dtype = chainer_lite.get_dtype(dtype)

        def conv(n_in, n_out, ksize, pad=0, stride=1):
            return convolution_2d.Convolution2D(
                n_in, n_out, ksize, stride=stride, pad=pad, nobias=True,
                initialW=conv_init)

        def bn(size):
            return batch_normalization.BatchNormalization(size, dtype=dtype)

        with self.init_scope():
            self.proj3 = conv(in_channels, proj3, 1)
            self.conv3 = conv(proj3, out3, 3, pad=1, stride=stride)
            self.proj33 = conv(in_channels, proj33, 1)
            self.conv33a = conv(proj33, out33, 3, pad=1)
            self.conv33b = conv(out33, out33, 3, pad=1, stride=stride)
            self.proj3n = bn(proj3)
            self.conv3n = bn(out3)
            self.proj33n = bn(proj33)
            self.conv33an = bn(out33)
            self.conv33bn = bn(out33)

            if out1 > 0:
                assert stride == 1
                assert proj_pool is not None
                self.conv1 = conv(in_channels, out1, 1, stride=stride)
                self.conv1n = bn(out1)

            if proj_pool is not None:
                self.poolp = conv(in_channels, proj_pool, 1)
                self.poolpn = bn(proj_pool)

    def forward(self, x):
        """Applies the module.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Input of shape
                ``(n, c, h, w)``.

        Returns:
            ~chainer.Variable: The concatenated outputs of the paths.
        """
        outs = []

        if self.out1 > 0:
            outs.append(relu.relu(self.conv1n(self.conv1(x))))

        h3 = relu.relu(self.proj3n(self.proj3(x)))
        outs.append(relu.relu(self.conv3n(self.conv3(h3))))

        h33 = relu.relu(self.proj33n(self.proj33(x)))
        h33 = relu.relu(self.conv33an(self.conv33a(h33)))
        outs.append(relu.relu(self.conv33bn(self.conv33b(h33))))

        if self.pooltype == 'max':
            p = max_pooling_nd.max_pooling_2d(
                x, 3, stride=self.stride, pad=1, cover_all=False)
        else:
            p = average_pooling_2d.average_pooling_2d(
                x, 3, stride=self.stride, pad=1)
        if self.proj_pool is not None:
            p = relu.relu(self.poolpn(self.poolp(p)))
        outs.append(p)

        return concat.concat(outs, axis=1)
