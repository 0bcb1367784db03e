"""Loop-based NumPy references for the convolution tests (float64)."""
import itertools

import numpy

from chainer_lite.utils import conv


def outsizes(dims, ksize, stride, pad, dilate, cover_all=False):
    return tuple(conv.get_conv_outsize(d, k, s, p, cover_all, di)
                 for d, k, s, p, di in zip(dims, ksize, stride, pad, dilate))


def _padded(x, pad, extra):
    # Zero padding of ``pad`` on each side plus ``extra`` at the end (the
    # windows of cover_all may read beyond the right padding).
    widths = [(0, 0), (0, 0)] + [(p, p + e) for p, e in zip(pad, extra)]
    return numpy.pad(x, widths)


def convolution(x, W, b, stride, pad, dilate, groups=1, cover_all=False):
    """N-d cross-correlation by a loop over output positions."""
    n, c = x.shape[:2]
    out_c, c_g = W.shape[:2]
    ksize = W.shape[2:]
    outs = outsizes(x.shape[2:], ksize, stride, pad, dilate, cover_all)
    xp = _padded(x, pad, [s * 2 + k * d for s, k, d
                          in zip(stride, ksize, dilate)])
    y = numpy.zeros((n, out_c) + outs)
    out_g = out_c // groups
    for pos in itertools.product(*[range(o) for o in outs]):
        window = tuple(slice(o * s, o * s + (k - 1) * d + 1, d)
                       for o, s, k, d in zip(pos, stride, ksize, dilate))
        for g in range(groups):
            patch = xp[(slice(None), slice(g * c_g, (g + 1) * c_g))
                       + window]
            filters = W[g * out_g:(g + 1) * out_g]
            y[(slice(None), slice(g * out_g, (g + 1) * out_g)) + pos] = \
                numpy.tensordot(patch, filters,
                                (list(range(1, patch.ndim)),
                                 list(range(1, filters.ndim))))
    if b is not None:
        y += b.reshape((1, -1) + (1,) * len(outs))
    return y


def deconvolution(x, W, b, stride, pad, dilate, groups, outs):
    """N-d transposed convolution by scattering every input position."""
    n, c = x.shape[:2]
    c_g = c // groups
    out_g = W.shape[1]
    ksize = W.shape[2:]
    full = [max(o + 2 * p, (d_in - 1) * s + (k - 1) * di + 1)
            for o, p, d_in, s, k, di
            in zip(outs, pad, x.shape[2:], stride, ksize, dilate)]
    y = numpy.zeros((n, out_g * groups) + tuple(full))
    for pos in itertools.product(*[range(d) for d in x.shape[2:]]):
        window = tuple(slice(q * s, q * s + (k - 1) * di + 1, di)
                       for q, s, k, di in zip(pos, stride, ksize, dilate))
        for g in range(groups):
            values = x[(slice(None), slice(g * c_g, (g + 1) * c_g)) + pos]
            filters = W[g * c_g:(g + 1) * c_g]
            y[(slice(None), slice(g * out_g, (g + 1) * out_g)) + window] += \
                numpy.tensordot(values, filters, (1, 0))
    y = y[(slice(None), slice(None)) + tuple(
        slice(p, p + o) for p, o in zip(pad, outs))]
    if b is not None:
        y = y + b.reshape((1, -1) + (1,) * len(outs))
    return y
