"""N-dimensional im2col / col2im, for N-d convolution and pooling."""
import numpy

from chainer_lite.utils.conv import _col2im
from chainer_lite.utils.conv import _im2col
from chainer_lite.utils.conv import get_conv_outsize  # NOQA


def as_tuple(x, n):
    """Returns ``x`` as an ``n``-tuple, repeating a scalar.

    Args:
        x: A scalar or a sequence of length ``n``.
        n (int): The length wanted.

    Returns:
        tuple: ``tuple(x)`` or ``(x,) * n``.

    Example:

        >>> from chainer.utils import conv_nd
        >>> conv_nd.as_tuple(2, 3), conv_nd.as_tuple([1, 2], 2)
        ((2, 2, 2), (1, 2))
    """
    if hasattr(x, '__getitem__'):
        assert len(x) == n
        return tuple(x)
    return (x,) * n


def _im2col_nd(img, ksize, stride, pad, pval, cover_all, dilate):
    dims = img.shape[2:]
    ndim = len(dims)
    dilate = as_tuple(dilate, ndim)
    assert all(len(v) == ndim for v in (ksize, stride, pad))
    outs = tuple([get_conv_outsize(d, k, s, p, cover_all, di)
                  for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate)])
    assert all(out > 0 for out in outs), 'Output sizes should be positive.'
    return _im2col(img, tuple(ksize), stride, pad, outs, dilate, pval)


def im2col_nd_cpu(img, ksize, stride, pad, pval=0, cover_all=False,
                  dilate=1):
    """Extracts the N-d convolution windows of a batch of arrays.

    Args:
        img (numpy.ndarray): Input of shape ``(n, c, d_1, ..., d_N)``.
        ksize (tuple of int): Kernel size per axis.
        stride (tuple of int): Stride per axis.
        pad (tuple of int): Padding per axis (each side).
        pval: Value used for padding.
        cover_all (bool): See :func:`~chainer.utils.get_conv_outsize`.
        dilate (int or tuple of int): Dilation per axis.

    Returns:
        numpy.ndarray: Windows of shape
        ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``.
    """
    return _im2col_nd(img, ksize, stride, pad, pval, cover_all, dilate)


def im2col_nd_gpu(img, ksize, stride, pad, cover_all=False, dilate=1):
    """CuPy version of :func:`im2col_nd_cpu` (padding value 0)."""
    return _im2col_nd(img, ksize, stride, pad, 0, cover_all, dilate)


def im2col_nd(img, ksize, stride, pad, cover_all=False, dilate=1):
    """:func:`im2col_nd_cpu` or :func:`im2col_nd_gpu`, by array type."""
    impl = im2col_nd_cpu if isinstance(img, numpy.ndarray) else im2col_nd_gpu
    return impl(img, ksize, stride, pad, cover_all=cover_all, dilate=dilate)


def _col2im_nd(col, stride, pad, dims, dilate):
    mid = (col.ndim - 2) // 2 + 2
    ksize = col.shape[2:mid]
    outs = col.shape[mid:]
    ndim = len(outs)
    dilate = as_tuple(dilate, ndim)
    assert all(len(v) == ndim for v in (ksize, stride, pad, dims))
    return _col2im(col, stride, pad, tuple(dims), dilate)


def col2im_nd_cpu(col, stride, pad, dims, dilate=1):
    """Sums N-d convolution windows back into arrays (adjoint of im2col_nd).

    Args:
        col (numpy.ndarray): Windows of shape
            ``(n, c, k_1, ..., k_N, out_1, ..., out_N)``.
        stride (tuple of int): Stride per axis.
        pad (tuple of int): Padding per axis (each side).
        dims (tuple of int): Spatial shape ``(d_1, ..., d_N)`` of the result.
        dilate (int or tuple of int): Dilation per axis.

    Returns:
        numpy.ndarray: Array of shape ``(n, c, d_1, ..., d_N)``.
    """
    return _col2im_nd(col, stride, pad, dims, dilate)


def col2im_nd_gpu(col, stride, pad, dims, dilate=1):
    """CuPy version of :func:`col2im_nd_cpu`."""
    return _col2im_nd(col, stride, pad, dims, dilate)


def col2im_nd(col, stride, pad, dims, dilate=1):
    """:func:`col2im_nd_cpu` or :func:`col2im_nd_gpu`, by array type."""
    fn = col2im_nd_cpu if isinstance(col, numpy.ndarray) else col2im_nd_gpu
    return fn(col, stride, pad, dims, dilate)
