"""Initializers of bilinear up/downsampling filters for (de)convolutions."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer


def _get_linear_filter(size, ndim, upsampling=True):
    # A separable tent filter of width ``size`` along each of ``ndim`` axes,
    # peaking at the middle (between the two middle taps for an even
    # size); the downsampling one is normalized to sum to one.
    half = (size + 1) // 2
    middle = half - (1. if size % 2 else 0.5)
    tent = 1. - abs(numpy.arange(size) - middle) / half
    filt = 1.
    for axis in range(ndim):
        shape = [1] * ndim
        shape[axis] = size
        filt = filt * tent.reshape(shape)
    if not upsampling:
        filt /= filt.sum()
    return filt


def _check_interpolation(interpolation):
    if interpolation != 'linear':
        raise ValueError(
            'Unsupported interpolation method: {}'.format(interpolation))


class _SamplingFilter(initializer.Initializer):

    def __init__(self, upsampling=True, interpolation='linear', dtype=None):
        _check_interpolation(interpolation)
        self._upsampling = upsampling
        super(_SamplingFilter, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype
        xp = backend.get_array_module(array)
        n_in, n_out = array.shape[:2]
        assert n_in == n_out or n_out == 1
        window = array.shape[2:]
        for k in window[1:]:
            if k != window[0]:
                raise ValueError(
                    'ksize must be all same: {} != {}'.format(window[0], k))
        filt = _get_linear_filter(
            window[0] if window else None, len(window), self._upsampling)
        # Each channel is filtered on its own: the filter sits on the
        # channel diagonal (or in the single output channel), zero elsewhere.
        array[...] = 0.
        diagonal = 0 if n_out == 1 else xp.arange(n_out)
        array[xp.arange(n_in), diagonal, ...] = xp.asarray(filt)


class UpsamplingDeconvFilter(_SamplingFilter):
    """Initializes a deconvolution weight with a bilinear upsampling filter.

    Meant for :class:`~chainer.links.DeconvolutionND` with
    ``stride == (ksize + 1) // 2``. Reference: Long et al.,
    https://arxiv.org/abs/1411.4038

    Args:
        interpolation (str): Interpolation method; only ``'linear'``.
        dtype: Data type specifier.
    """

    def __init__(self, interpolation='linear', dtype=None):
        super(UpsamplingDeconvFilter, self).__init__(
            True, interpolation, dtype)


class DownsamplingConvFilter(_SamplingFilter):
    """Initializes a convolution weight with a bilinear downsampling filter.

    Meant for :class:`~chainer.links.ConvolutionND` with
    ``stride == (ksize + 1) // 2``. Reference: Long et al.,
    https://arxiv.org/abs/1411.4038

    Args:
        interpolation (str): Interpolation method; only ``'linear'``.
        dtype: Data type specifier.
    """

    def __init__(self, interpolation='linear', dtype=None):
        super(DownsamplingConvFilter, self).__init__(
            False, interpolation, dtype)
