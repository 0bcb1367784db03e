"""Window gathering and scattering shared by the pooling functions.

A pooling input ``(n, c, d_1..d_N)`` is gathered into windows
``(n, c, K, out_1..out_N)`` with ``K = prod(ksize)`` (one copy, no loop over
pixels), so that every reduction is over the contiguous-per-tap axis 2;
scattering is the adjoint (col2im).
"""
from chainer_lite import backend
from chainer_lite import utils
from chainer_lite.utils import conv
from chainer_lite.utils import type_check


def as_tuple(x, n):
    """``x`` as an ``n``-tuple (a scalar is repeated)."""
    if hasattr(x, '__getitem__'):
        assert len(x) == n
        return tuple(x)
    return (x,) * n


def pooled_sizes(dims, ksize, stride, pad, cover_all):
    """Output sizes of a pooling of an input of spatial size ``dims``."""
    return tuple([conv.get_conv_outsize(d, k, s, p, cover_all)
                  for d, k, s, p in zip(dims, ksize, stride, pad)])


def out_sizes(dims, ksize, stride, pad, cover_all):
    """:func:`pooled_sizes`, asserted to be positive."""
    outs = pooled_sizes(dims, ksize, stride, pad, cover_all)
    assert min(outs) > 0, 'Output sizes should be positive.'
    return outs


def unpooled_sizes(given, dims, ksize, stride, pad, cover_all):
    """Output sizes of an unpooling of an input of spatial size ``dims``.

    Entries of ``given`` that are not ``None`` are kept; the others are the
    smallest sizes that pool back to ``dims``.
    """
    return tuple([
        conv.get_deconv_outsize(d, k, s, p, cover_all=cover_all)
        if out is None else out
        for out, d, k, s, p in zip(given, dims, ksize, stride, pad)])


def expect_pools_back(x_type, outs, ksize, stride, pad, cover_all):
    """Type check of an unpooling to ``outs``, one spatial axis at a time.

    Pooling an array of size ``outs`` must give back the input's size;
    ``None`` entries of ``outs`` (not given yet) are not checked.
    """
    for axis, (out, k, s, p) in enumerate(zip(outs, ksize, stride, pad), 2):
        if out is not None:
            pooled = conv.get_conv_outsize(out, k, s, p, cover_all=cover_all)
            type_check.expect(x_type.shape[axis] == pooled)


def spread(x, k):
    """``x`` repeated (as a read-only view) over a new window axis 2."""
    xp = backend.get_array_module(x)
    return xp.broadcast_to(x[:, :, None], x.shape[:2] + (k,) + x.shape[2:])


def windows(x, ksize, stride, pad, outs, pval):
    """The pooling windows of ``x`` as ``(n, c, prod(ksize), *outs)``.

    Padding reads ``pval``.
    """
    n, c = x.shape[:2]
    ndim = len(ksize)
    col = conv._im2col(x, tuple(ksize), tuple(stride), tuple(pad),
                       tuple(outs), (1,) * ndim, pval)
    return col.reshape((n, c, utils.size_of_shape(ksize)) + tuple(outs))


def scatter(gcol, ksize, stride, pad, dims):
    """Adjoint of :func:`windows`: sums ``(n, c, K, *outs)`` into ``dims``."""
    n, c = gcol.shape[:2]
    outs = gcol.shape[3:]
    gcol = gcol.reshape((n, c) + tuple(ksize) + tuple(outs))
    return conv._col2im(gcol, tuple(stride), tuple(pad), tuple(dims),
                        (1,) * len(ksize))


def first_argmax(col, y):
    """Index along axis 2 of the first maximum of ``col`` (``y`` its max).

    It counts the leading taps that are not the maximum; this runs a few
    cheap elementwise passes, one per tap, instead of NumPy's ``argmax``
    over a short strided axis (several times slower).
    """
    xp = backend.get_array_module(col)
    k = col.shape[2]
    if k == 1:
        return xp.zeros(y.shape, dtype=xp.intp)
    not_yet = col[:, :, 0] != y
    index = not_yet.astype(xp.intp)
    for i in range(1, k - 1):
        not_yet &= col[:, :, i] != y
        index += not_yet
    return index


def place(values, indexes, k):
    """Windows ``(n, c, k, *outs)`` holding ``values`` at ``indexes``.

    Every window is zero except at position ``indexes[...]`` (along axis 2),
    which holds ``values[...]``; the inverse of :func:`pick`.
    """
    xp = backend.get_array_module(values)
    gcol = xp.empty(values.shape[:2] + (k,) + values.shape[2:],
                    dtype=values.dtype)
    for i in range(k):
        xp.multiply(values, indexes == i, out=gcol[:, :, i])
    return gcol


def pick(col, indexes):
    """The element of every window of ``col`` at position ``indexes``."""
    xp = backend.get_array_module(col)
    return xp.take_along_axis(col, indexes[:, :, None], axis=2)[:, :, 0]
