"""Loop-based NumPy references for the pooling tests (float64)."""
import itertools

import numpy

from chainer_lite.utils import conv


def windows(dims, ksize, stride, pad, cover_all):
    """(output position, tuple of slices of the in-bounds window) pairs."""
    outs = [conv.get_conv_outsize(d, k, s, p, cover_all)
            for d, k, s, p in zip(dims, ksize, stride, pad)]
    for pos in itertools.product(*[range(o) for o in outs]):
        starts = [o * s - p for o, s, p in zip(pos, stride, pad)]
        yield pos, tuple(slice(max(b, 0), min(b + k, d))
                         for b, k, d in zip(starts, ksize, dims))


def pool(x, ksize, stride, pad, cover_all, reduce):
    """Applies ``reduce(window, n_padded)`` to every window of ``x``."""
    dims = x.shape[2:]
    outs = [conv.get_conv_outsize(d, k, s, p, cover_all)
            for d, k, s, p in zip(dims, ksize, stride, pad)]
    y = numpy.zeros(x.shape[:2] + tuple(outs))
    for pos, window in windows(dims, ksize, stride, pad, cover_all):
        patch = x[(slice(None), slice(None)) + window]
        y[(slice(None), slice(None)) + pos] = reduce(
            patch.reshape(patch.shape[:2] + (-1,)))
    return y


def distinct_values(shape, dtype, rng):
    """Values 0.1 apart (then shuffled and centred), so that maxima are
    unique and stay so under the perturbations of gradient checks."""
    size = int(numpy.prod(shape))
    x = (rng.permutation(size) - size / 2) * (2.0 / max(size, 1))
    return x.reshape(shape).astype(dtype)
