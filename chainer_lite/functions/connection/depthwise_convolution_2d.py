"""Two-dimensional depthwise convolution (filters per input channel)."""
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import transpose
from chainer_lite.functions.connection import convolution_2d


def depthwise_convolution_2d(x, W, b=None, stride=1, pad=0):
    """Convolution of each input channel with its own set of filters.

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
        stride (int or pair of ints): Step between neighbouring patches.
        pad (int or pair of ints): Zero padding on each side.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_I c_M, h_O, w_O)`.

    .. seealso:: :class:`~chainer.links.DepthwiseConvolution2D`.

    Example:

        Each input channel gets its own ``c_M`` filters:

        >>> x = np.stack([np.ones((4, 4)), 2 * np.ones((4, 4))])[None]
        >>> W = np.ones((3, 2, 3, 3))
        >>> y = F.depthwise_convolution_2d(x, W)
        >>> y.shape
        (1, 6, 2, 2)
        >>> y.array[0, :, 0, 0]
        array([ 9.,  9.,  9., 18., 18., 18.])
    """
    multiplier, in_channels, kh, kw = W.shape
    # A grouped convolution with one group per input channel.
    W = transpose.transpose(W, (1, 0, 2, 3))
    W = reshape.reshape(W, (multiplier * in_channels, 1, kh, kw))
    return convolution_2d.convolution_2d(x, W, b, stride, pad,
                                         groups=in_channels)
