"""Two-dimensional depthwise convolution (filters per input channel)."""
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import transpose
from chainer_lite.functions.connection import convolution_2d


def depthwise_convolution_2d(x, W, b=None, stride=1, pad=0):
    """Two-dimensional depthwise convolution function.

    Each input channel is convolved separately with its own
    :math:`c_M` filters (:math:`c_M` is the channel multiplier) and the
    results are concatenated, not summed: output channel
    :math:`i c_M + m` is input channel :math:`i` convolved with
    ``W[m, i]``. The output size is that of
    :func:`~chainer.functions.convolution_2d`.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, h, w)`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_M, c_I, k_H, k_W)`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of length
            :math:`c_M c_I` (optional).
        stride (int or pair of ints): Stride of filter applications.
        pad (int or pair of ints): Zero padding on each side.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_I c_M, h_O, w_O)`.

    .. seealso:: :class:`~chainer.links.DepthwiseConvolution2D`.

    Example:

        >>> x = np.random.uniform(0, 1, (2, 3, 4, 7))
        >>> W = np.random.uniform(0, 1, (2, 3, 3, 3))
        >>> b = np.random.uniform(0, 1, (6,))
        >>> F.depthwise_convolution_2d(x, W, b).shape
        (2, 6, 2, 5)
    """
    multiplier, in_channels, kh, kw = W.shape
    # A grouped convolution with one group per input channel.
    W = transpose.transpose(W, (1, 0, 2, 3))
    W = reshape.reshape(W, (multiplier * in_channels, 1, kh, kw))
    return convolution_2d.convolution_2d(x, W, b, stride, pad,
                                         groups=in_channels)
