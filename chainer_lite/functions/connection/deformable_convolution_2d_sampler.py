"""Deformable convolution: a convolution whose taps read at learned offsets."""
import numpy

from chainer_lite import backend
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.array import concat
from chainer_lite.functions.array import pad as pad_module
from chainer_lite.functions.array import spatial_transformer_sampler
from chainer_lite.functions.math import matmul


def _pair(x):
    if hasattr(x, '__getitem__'):
        return x
    return x, x


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
    """Two-dimensional deformable convolution function using computed offset.

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
        stride (int or pair of ints): Stride of filter applications.
        pad (int or pair of ints): Zero padding on each side.

    Returns:
        ~chainer.Variable: Output of shape :math:`(n, c_O, h_O, w_O)`.

    .. seealso:: :class:`~chainer.links.DeformableConvolution2D`.

    Example:

        >>> x = np.random.uniform(0, 1, (2, 3, 4, 7)).astype(np.float32)
        >>> offset = np.zeros((2, 2 * 3 * 3, 2, 5), np.float32)
        >>> W = np.random.uniform(0, 1, (4, 3, 3, 3)).astype(np.float32)
        >>> y = F.deformable_convolution_2d_sampler(x, offset, W)
        >>> np.allclose(y.array, F.convolution_2d(x, W).array, atol=1e-5)
        True
    """
    sy, sx = _pair(stride)
    ph, pw = _pair(pad)
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
    cols = samples.transpose(0, 3, 1, 2).reshape(
        n * out_h * out_w, c * kh * kw)
    y = matmul.matmul(cols, W.reshape(out_c, c * kh * kw).T)
    y = y.reshape(n, out_h, out_w, out_c).transpose(0, 3, 1, 2)
    if b is not None:
        y = y + broadcast.broadcast_to(b[None, :, None, None], y.shape)
    return y
