"""Deformable convolution: a convolution whose taps read at learned offsets."""
import numpy

from chainer_lite import backend
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import pad as pad_module
from chainer_lite.functions.array import spatial_transformer_sampler
from chainer_lite.functions.connection import _util
from chainer_lite.functions.math import matmul


def _sampling_grid(offset, kh, kw, sy, sx, ph, pw, h, w):
    # Where every tap reads, in the [-1, 1] coordinates of the sampler
    # (-1 and 1 are the first and last pixels of the padded image):
    # regular convolution positions plus the offsets. The first kh*kw
    # channels of ``offset`` shift x, the last kh*kw shift y.
    n, khkw2, out_h, out_w = offset.shape
    khkw = khkw2 // 2
    xp = backend.get_array_module(offset)
    ys, xs = xp.meshgrid(
        xp.arange(0, sy * out_h, sy, dtype=numpy.float32),
        xp.arange(0, sx * out_w, sx, dtype=numpy.float32), indexing='ij')
    tap_x = xp.tile(xp.arange(kw, dtype=numpy.float32), kh)
    tap_y = xp.repeat(xp.arange(kh, dtype=numpy.float32), kw)
    x_coord = offset[:, :khkw] + (xs[None, None] + tap_x[:, None, None])
    y_coord = offset[:, khkw:] + (ys[None, None] + tap_y[:, None, None])
    x_coord = (x_coord / (w + 2 * pw - 1) - 0.5) * 2
    y_coord = (y_coord / (h + 2 * ph - 1) - 0.5) * 2
    return concat.concat([x_coord, y_coord], axis=1)


def deformable_convolution_2d_sampler(x, offset, W, b=None, stride=1, pad=0):
    """Convolution whose filter taps read at per-pixel offset positions.

    Like :func:`~chainer.functions.convolution_2d` (without dilation), but
    tap :math:`(i, j)` of the filter at output pixel :math:`(p, q)` reads
    the zero-padded input at
    :math:`(p s_Y + i + \\Delta y, q s_X + j + \\Delta x)`, with the offsets
    :math:`\\Delta` taken from ``offset`` and the input bilinearly
    interpolated. See `Deformable Convolutional Networks
    <https://arxiv.org/abs/1703.06211>`_. The output size is that of the
    regular convolution, :math:`h_O = (h + 2 p_H - k_H) / s_Y + 1` (and the
    same for the width).

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Input of shape
            :math:`(n, c_I, h, w)`.
        offset (:class:`~chainer.Variable` or :ref:`ndarray`): Offsets of
            shape :math:`(n, 2 k_H k_W, h_O, w_O)`; the first :math:`k_H k_W`
            channels are horizontal offsets, the last :math:`k_H k_W`
            vertical ones (taps in row-major order).
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Filters of shape
            :math:`(c_O, c_I, k_H, k_W)`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of length
            :math:`c_O` (optional).
        stride (int or pair of ints): Step of the regular grid of filter
            positions the offsets start from.
        pad (int or pair of ints): Zero padding on each side.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`.

    .. seealso:: :class:`~chainer.links.DeformableConvolution2D`.

    Example:

        Zero offsets give the regular convolution:

        >>> rng = np.random.RandomState(0)
        >>> x = rng.rand(1, 2, 5, 6).astype(np.float32)
        >>> W = rng.rand(3, 2, 2, 2).astype(np.float32)
        >>> offset = np.zeros((1, 2 * 2 * 2, 4, 5), np.float32)
        >>> y = F.deformable_convolution_2d_sampler(x, offset, W)
        >>> y.shape
        (1, 3, 4, 5)
        >>> bool(np.allclose(y.array, F.convolution_2d(x, W).array,
        ...                  atol=1e-5))
        True
    """
    sy, sx = _util.as_tuple(stride, 2)
    ph, pw = _util.as_tuple(pad, 2)
    out_c, _, kh, kw = W.shape
    n, c, h, w = x.shape
    _, khkw2, out_h, out_w = offset.shape
    if khkw2 != 2 * kh * kw:
        raise ValueError(
            'The shape of the offset does not match the kernel size')
    grid = _sampling_grid(offset, kh, kw, sy, sx, ph, pw, h, w)
    grid = grid.reshape(n, 2, kh * kw, out_h * out_w)
    x_pad = pad_module.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)),
                           'constant')
    # (n, c, kh*kw, out_h*out_w): the im2col of the deformed taps.
    samples = spatial_transformer_sampler.spatial_transformer_sampler(
        x_pad, grid)
    # One product per sample, (out_c, c*kh*kw) @ (c*kh*kw, out_h*out_w),
    # already in channel-first order.
    y = matmul.matmul(W.reshape(out_c, c * kh * kw),
                      samples.reshape(n, c * kh * kw, out_h * out_w))
    y = y.reshape(n, out_c, out_h, out_w)
    if b is not None:
        y = y + b.reshape(1, out_c, 1, 1)
    return y
