"""Two-dimensional dilated convolution (``convolution_2d`` with ``dilate``)."""
from chainer_lite.functions.connection import convolution_2d


def dilated_convolution_2d(x, W, b=None, stride=1, pad=0, dilate=1,
                           cover_all=False):
    """Convolution with filters spread out by a dilation factor.

    The filter taps are spread ``dilate`` pixels apart, so a :math:`k`-tap
    filter covers :math:`(k - 1) d + 1` pixels along an axis. The output
    height is :math:`(h + 2 p_H - k_H - (k_H - 1)(d_Y - 1)) / s_Y + 1`
    (rounded down), and the same for the width. It is the same as
    :func:`~chainer.functions.convolution_2d` with its ``dilate`` argument.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, h, w)`.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_O, c_I, k_H, k_W)`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of length
            :math:`c_O` (optional).
        stride (int or pair of ints): Step between neighbouring patches.
        pad (int or pair of ints): Zero padding on each side.
        dilate (int or pair of ints): Dilation factor.
        cover_all (bool): If ``True``, every input pixel is read by some
            output pixel.

    Returns:
        ~chainer.Variable: The convolution, ``(n, c_O, h_O, w_O)``.

    Example:

        A 3x3 filter dilated by 2 spans 5x5 pixels:

        >>> x = np.ones((1, 1, 6, 7), np.float32)
        >>> W = np.ones((2, 1, 3, 3), np.float32)
        >>> F.dilated_convolution_2d(x, W, dilate=2).shape
        (1, 2, 2, 3)
    """
    return convolution_2d.convolution_2d(x, W, b, stride, pad, cover_all,
                                         dilate=dilate)
