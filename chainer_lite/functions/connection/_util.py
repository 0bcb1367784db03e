"""Array-level kernels shared by the convolution family (any number of axes).

Every convolution is one im2col copy plus one (batched) matrix product: the
windows are laid out as ``(n, groups, c_g * prod(k), prod(out))`` and the
weights as ``(groups, c_out_g, c_g * prod(k))``, so that NumPy's ``matmul``
runs one GEMM per (sample, group) pair without copying either operand again.
The transposed convolution is the same product with ``W`` transposed,
followed by col2im (done batch-last when the batch outnumbers the image
width, so that its additions run over longer contiguous rows); the weight
gradient is the product of the output gradient with the transposed windows,
summed over the batch. im2col/col2im loop over kernel taps only.
"""
import numpy

from chainer_lite import backend
from chainer_lite import utils
from chainer_lite.utils import conv


def as_tuple(x, n):
    """``x`` as an ``n``-tuple (a scalar is repeated)."""
    if hasattr(x, '__getitem__'):
        return tuple(x)
    return (x,) * n


def require_spatial_ndim(x, ndim):
    """Raises ``ValueError`` unless ``x`` has ``ndim`` axes after (n, c)."""
    actual = len(x.shape) - 2
    if actual != ndim:
        raise ValueError(
            'The number of dimensions under channel dimension of the input '
            '\'x\' should be {}. But the actual ndim was {}.'.format(
                ndim, actual))


def nd_geometry(node):
    """The layout keywords of an N-d (de)convolution node, for a new call.

    Each of the convolution and its transpose is built from the other in
    backward, always with the same stride, padding, dilation and groups.
    """
    return {'stride': node.stride, 'pad': node.pad, 'dilate': node.dilate,
            'groups': node.groups}


def compute_dtype(*dtypes):
    """The dtype in which a product of ``dtypes`` is computed.

    Half precision is widened to single precision: NumPy has no BLAS for
    float16 (its products are slow and accumulate in half precision).
    """
    return numpy.result_type(numpy.float32, *dtypes)


def conv_outsizes(dims, ksize, stride, pad, cover_all, dilate):
    """Output sizes of a convolution (callers check they are positive)."""
    return tuple([
        conv.get_conv_outsize(d, k, s, p, cover_all, di)
        for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate)])


def im2col(x, ksize, stride, pad, dilate, outs, dtype):
    """Windows of ``x`` as ``(n, c, k_1..k_N, out_1..out_N)`` in ``dtype``.

    Padding reads zeros.
    """
    if x.dtype != dtype:
        x = x.astype(dtype)
    return conv._im2col(x, tuple(ksize), tuple(stride), tuple(pad),
                        tuple(outs), tuple(dilate), 0)


def col2im(col, stride, pad, dims, dilate):
    """Adjoint of :func:`im2col`: sums the windows back into ``dims``."""
    return conv._col2im(col, tuple(stride), tuple(pad), tuple(dims),
                        tuple(dilate))


def convolve(x, W, b, stride, pad, dilate, groups, outs):
    """Cross-correlation of ``x`` (n, c, *dims) with ``W`` (out_c, c_g, *k).

    ``outs`` are the output sizes (see :func:`conv_outsizes`). Returns an
    array of ``x.dtype`` and shape ``(n, out_c, *outs)``.
    """
    xp = backend.get_array_module(x)
    n, c = x.shape[:2]
    out_c = W.shape[0]
    ksize = W.shape[2:]
    ndim = len(ksize)
    dtype = compute_dtype(x.dtype, W.dtype)
    col = im2col(x, ksize, stride, pad, dilate, outs, dtype)
    col = col.reshape(n, groups, -1, utils.size_of_shape(outs))
    Wm = W.astype(dtype, copy=False).reshape(groups, out_c // groups, -1)
    y = xp.matmul(Wm, col).reshape((n, out_c) + outs)
    y = y.astype(x.dtype, copy=False)
    if b is not None:
        y += b.reshape((1, out_c) + (1,) * ndim)
    return y


def transposed_convolve(x, W, b, stride, pad, dilate, groups, outs):
    """Transposed convolution of ``x`` (n, c, *dims) by ``W`` (c, o_g, *k).

    ``outs`` is the spatial shape of the result, whose dtype is ``x.dtype``.
    It is the gradient of :func:`convolve` with respect to its input.
    """
    xp = backend.get_array_module(x)
    n, c = x.shape[:2]
    ksize = W.shape[2:]
    out_c = W.shape[1] * groups
    ndim = len(ksize)
    dtype = compute_dtype(x.dtype, W.dtype)
    Wm = W.astype(dtype, copy=False).reshape(
        groups, c // groups, -1).swapaxes(1, 2)
    if n > x.shape[-1]:
        # Batch-last layout: col2im then adds runs of (at least) n
        # contiguous elements per window row instead of x.shape[-1], which
        # is several times faster for small images in big batches. The
        # batch is col2im's last spatial axis, with a kernel of size 1.
        xm = xp.ascontiguousarray(xp.moveaxis(x, 0, -1), dtype=dtype)
        col = xp.matmul(Wm, xm.reshape(groups, c // groups, -1))
        col = col.reshape((1, out_c) + tuple(ksize) + (1,) + x.shape[2:]
                          + (n,))
        y = col2im(col, tuple(stride) + (1,), tuple(pad) + (0,),
                   tuple(outs) + (n,), tuple(dilate) + (1,))
        y = xp.moveaxis(y[0], -1, 0)
    else:
        xm = x.astype(dtype, copy=False).reshape(
            n, groups, c // groups, utils.size_of_shape(x.shape[2:]))
        col = xp.matmul(Wm, xm).reshape(
            (n, out_c) + tuple(ksize) + x.shape[2:])
        y = col2im(col, stride, pad, outs, dilate)
    y = y.astype(x.dtype, copy=False)
    if b is not None:
        y += b.reshape((1, out_c) + (1,) * ndim)
    return y


def convolve_grad_weight(x, gy, ksize, stride, pad, dilate, groups,
                         w_dtype):
    """Gradient of :func:`convolve` with respect to ``W`` (in ``w_dtype``).

    ``x`` is the convolution's input and ``gy`` the gradient of its output;
    the output shape (hence ``cover_all``) is read from ``gy``.
    """
    xp = backend.get_array_module(x)
    n, c = x.shape[:2]
    out_c = gy.shape[1]
    outs = gy.shape[2:]
    dtype = compute_dtype(x.dtype, gy.dtype)
    n_out = utils.size_of_shape(outs)
    col = im2col(x, ksize, stride, pad, dilate, outs, dtype)
    col = col.reshape(n, groups, -1, n_out)
    gym = gy.astype(dtype, copy=False).reshape(
        n, groups, out_c // groups, n_out)
    if out_c // groups > n_out:
        # Per-sample products would be bigger than the windows: contract
        # the batch inside one product per group instead (this copies the
        # windows once, to put the batch next to the output positions).
        gW = xp.matmul(
            gym.transpose(1, 2, 0, 3).reshape(groups, out_c // groups, -1),
            col.transpose(1, 0, 3, 2).reshape(groups, n * n_out, -1))
    else:
        gW = xp.matmul(gym, col.swapaxes(2, 3)).sum(axis=0)
    return gW.reshape((out_c, c // groups) + tuple(ksize)).astype(
        w_dtype, copy=False)
