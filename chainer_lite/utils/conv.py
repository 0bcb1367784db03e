"""Output sizes of (de)convolutions and the im2col / col2im transforms.

im2col gathers every kernel window of an image into one array
``(n, c, kh, kw, out_h, out_w)`` so that a convolution becomes a tensor
product; col2im is its adjoint (it sums windows back into an image).  Both
are written once with strided views, for NumPy and CuPy alike.
"""
import numpy

from chainer_lite import backend


def get_conv_outsize(size, k, s, p, cover_all=False, d=1):
    """Output size of a convolution along one axis.

    Args:
        size (int): Input size along the axis.
        k (int): Kernel size.
        s (int): Stride.
        p (int): Padding on each side.
        cover_all (bool): If ``True``, add the windows needed so that every
            input position is covered (extra windows read padding).
        d (int): Dilation.

    Returns:
        int: The output size.

    Example:

        >>> from chainer import utils
        >>> utils.get_conv_outsize(10, 3, 2, 1)
        5
        >>> utils.get_conv_outsize(10, 4, 4, 0)
        2
        >>> utils.get_conv_outsize(10, 4, 4, 0, cover_all=True)
        3
    """
    dk = k + (k - 1) * (d - 1)
    if cover_all:
        return (size + p * 2 - dk + s - 1) // s + 1
    return (size + p * 2 - dk) // s + 1


def get_deconv_outsize(size, k, s, p, cover_all=False, d=1):
    """Output size of a deconvolution (transposed convolution) along one axis.

    It is the input size of the convolution that :func:`get_conv_outsize`
    maps back to ``size``.

    Args:
        size (int): Input size along the axis.
        k (int): Kernel size.
        s (int): Stride.
        p (int): Padding on each side.
        cover_all (bool): Whether the matching convolution uses
            ``cover_all``.
        d (int): Dilation.

    Returns:
        int: The output size.

    Example:

        >>> from chainer import utils
        >>> utils.get_deconv_outsize(5, 3, 2, 1)
        9
    """
    dk = (k - 1) * d + 1
    if cover_all:
        return s * (size - 1) + dk - s + 1 - 2 * p
    return s * (size - 1) + dk - 2 * p


def _as_strided(xp, x, shape, strides):
    if xp is numpy:
        return numpy.lib.stride_tricks.as_strided(x, shape, strides)
    return xp.lib.stride_tricks.as_strided(x, shape, strides)


def _im2col(img, ksize, stride, pad, outs, dilate, pval):
    # img: (n, c, d_1..d_N) -> col: (n, c, k_1..k_N, out_1..out_N).
    # The padded image is built only as large as the windows reach; then
    # every window is a strided view of it and one copy gathers them all.
    xp = backend.get_array_module(img)
    n, c = img.shape[:2]
    dims = img.shape[2:]
    # Extent (in padded coordinates) touched by the last window's last tap.
    reach = [(k - 1) * di + (o - 1) * s + 1
             for k, s, o, di in zip(ksize, stride, outs, dilate)]
    padded_dims = tuple([max(p + d, r) for p, d, r in zip(pad, dims, reach)])
    if padded_dims == dims and not any(pad):
        padded = img
    else:
        padded = xp.full((n, c) + padded_dims, pval, dtype=img.dtype)
        padded[(slice(None), slice(None)) + tuple(
            [slice(p, p + d) for p, d in zip(pad, dims)])] = img
    n_stride, c_stride = padded.strides[:2]
    axis_strides = padded.strides[2:]
    view = _as_strided(
        xp, padded, (n, c) + tuple(ksize) + tuple(outs),
        (n_stride, c_stride)
        + tuple([st * di for st, di in zip(axis_strides, dilate)])
        + tuple([st * s for st, s in zip(axis_strides, stride)]))
    return view.copy()


def _col2im(col, stride, pad, dims, dilate):
    # Adjoint of _im2col: each kernel tap adds its (strided) slab of the
    # padded image; overlapping windows accumulate. The loop runs over
    # kernel taps only, never over pixels.
    xp = backend.get_array_module(col)
    n, c = col.shape[:2]
    ndim = len(dims)
    ksize = col.shape[2:2 + ndim]
    outs = col.shape[2 + ndim:]
    reach = [(k - 1) * di + (o - 1) * s + 1
             for k, s, o, di in zip(ksize, stride, outs, dilate)]
    padded_dims = tuple([max(p + d, r) for p, d, r in zip(pad, dims, reach)])
    img = xp.zeros((n, c) + padded_dims, dtype=col.dtype)
    everything = (slice(None), slice(None))
    for taps in numpy.ndindex(*ksize):
        target = everything + tuple([
            slice(t * di, t * di + (o - 1) * s + 1, s)
            for t, di, o, s in zip(taps, dilate, outs, stride)])
        img[target] += col[everything + taps]
    return img[everything + tuple(
        [slice(p, p + d) for p, d in zip(pad, dims)])]


def _outsizes_2d(h, w, kh, kw, sy, sx, ph, pw, cover_all, dy, dx,
                 out_h, out_w):
    # Given output sizes take precedence over computed ones.
    if out_h is None:
        out_h = get_conv_outsize(h, kh, sy, ph, cover_all=cover_all, d=dy)
    assert out_h > 0, 'Height in the output should be positive.'
    if out_w is None:
        out_w = get_conv_outsize(w, kw, sx, pw, cover_all=cover_all, d=dx)
    assert out_w > 0, 'Width in the output should be positive.'
    return out_h, out_w


def im2col_cpu(img, kh, kw, sy, sx, ph, pw, pval=0, cover_all=False,
               dy=1, dx=1, out_h=None, out_w=None):
    """Extracts the convolution windows of a batch of images.

    Args:
        img (numpy.ndarray): Images of shape ``(n, c, h, w)``.
        kh (int): Kernel height.
        kw (int): Kernel width.
        sy (int): Vertical stride.
        sx (int): Horizontal stride.
        ph (int): Vertical padding (each side).
        pw (int): Horizontal padding (each side).
        pval: Value used for padding.
        cover_all (bool): See :func:`get_conv_outsize`.
        dy (int): Vertical dilation.
        dx (int): Horizontal dilation.
        out_h (int): Output height; computed when ``None``.
        out_w (int): Output width; computed when ``None``.

    Returns:
        numpy.ndarray: ``col`` of shape ``(n, c, kh, kw, out_h, out_w)`` with
        ``col[:, :, j, i, y, x] == padded[:, :, y * sy + j * dy,
        x * sx + i * dx]``.

    Example:

        >>> import numpy as np
        >>> from chainer.utils import conv
        >>> img = np.arange(16.).reshape(1, 1, 4, 4)
        >>> conv.im2col_cpu(img, 2, 2, 2, 2, 0, 0)[0, 0, :, :, 0, 0]
        array([[0., 1.],
               [4., 5.]])
    """
    n, c, h, w = img.shape
    out_h, out_w = _outsizes_2d(h, w, kh, kw, sy, sx, ph, pw, cover_all,
                                dy, dx, out_h, out_w)
    return _im2col(img, (kh, kw), (sy, sx), (ph, pw), (out_h, out_w),
                   (dy, dx), pval)


def im2col_gpu(img, kh, kw, sy, sx, ph, pw, cover_all=False, dy=1, dx=1,
               out_h=None, out_w=None):
    """CuPy version of :func:`im2col_cpu` (padding value 0)."""
    n, c, h, w = img.shape
    out_h, out_w = _outsizes_2d(h, w, kh, kw, sy, sx, ph, pw, cover_all,
                                dy, dx, out_h, out_w)
    return _im2col(img, (kh, kw), (sy, sx), (ph, pw), (out_h, out_w),
                   (dy, dx), 0)


def im2col(img, kh, kw, sy, sx, ph, pw, cover_all=False, dy=1, dx=1,
           out_h=None, out_w=None):
    """:func:`im2col_cpu` or :func:`im2col_gpu`, chosen by the array type."""
    impl = im2col_cpu if isinstance(img, numpy.ndarray) else im2col_gpu
    return impl(img, kh, kw, sy, sx, ph, pw, cover_all=cover_all,
                dy=dy, dx=dx, out_h=out_h, out_w=out_w)


def col2im_cpu(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """Sums convolution windows back into images (the adjoint of im2col).

    Args:
        col (numpy.ndarray): Windows of shape ``(n, c, kh, kw, out_h,
            out_w)``.
        sy (int): Vertical stride.
        sx (int): Horizontal stride.
        ph (int): Vertical padding (each side).
        pw (int): Horizontal padding (each side).
        h (int): Image height.
        w (int): Image width.
        dy (int): Vertical dilation.
        dx (int): Horizontal dilation.

    Returns:
        numpy.ndarray: Images of shape ``(n, c, h, w)``; each pixel is the
        sum of the window entries that read it.

    Example:

        >>> import numpy as np
        >>> from chainer.utils import conv
        >>> col = np.ones((1, 1, 2, 2, 2, 2))
        >>> conv.col2im_cpu(col, 1, 1, 0, 0, 3, 3)[0, 0]
        array([[1., 2., 1.],
               [2., 4., 2.],
               [1., 2., 1.]])
    """
    return _col2im(col, (sy, sx), (ph, pw), (h, w), (dy, dx))


def col2im_gpu(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """CuPy version of :func:`col2im_cpu`."""
    return _col2im(col, (sy, sx), (ph, pw), (h, w), (dy, dx))


def col2im(col, sy, sx, ph, pw, h, w, dy=1, dx=1):
    """:func:`col2im_cpu` or :func:`col2im_gpu`, chosen by the array type."""
    fn = col2im_cpu if isinstance(col, numpy.ndarray) else col2im_gpu
    return fn(col, sy, sx, ph, pw, h, w, dy, dx)
