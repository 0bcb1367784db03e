"""Initializers of bilinear up/downsampling filters for (de)convolutions."""
import numpy

from chainer_lite import backend
from chainer_lite import initializer


def _get_linear_filter(size, ndim, upsampling=True):
    # A separable tent filter of width ``size`` along each of ``ndim`` axes;
    # the downsampling one is normalized to sum to one.
    factor = (size + 1) // 2
    if size % 2 == 1:
        center = factor - 1.
    else:
        center = factor - 0.5
    grids = numpy.ogrid[(slice(size),) * ndim]
    filt = 1.
    for grid in grids:
        filt = filt * (1. - abs(grid - center) / factor)
    if not upsampling:
        filt /= filt.sum()
    return filt


class _SamplingFilter(initializer.Initializer):

    def __init__(self, upsampling=True, interpolation='linear', dtype=None):
        self._upsampling = upsampling
        if interpolation == 'linear':
            self._get_filter_func = _get_linear_filter
        else:
            raise ValueError(
                'Unsupported interpolation method: {}'.format(interpolation))
        super(_SamplingFilter, self).__init__(dtype)

    def __call__(self, array):
        if self.dtype is not None:
            assert array.dtype == self.dtype
        xp = backend.get_array_module(array)
        in_c, out_c = array.shape[:2]
        assert in_c == out_c or out_c == 1
        ksize = None
        for k in array.shape[2:]:
            if ksize is None:
                ksize = k
            elif ksize != k:
                raise ValueError(
                    'ksize must be all same: {} != {}'.format(ksize, k))
        filt = xp.asarray(self._get_filter_func(
            ksize, ndim=array.ndim - 2, upsampling=self._upsampling))
        array[...] = 0.
        # Each channel is filtered on its own (a diagonal in channel space).
        if out_c == 1:
            array[xp.arange(in_c), 0, ...] = filt
        else:
            array[xp.arange(in_c), xp.arange(out_c), ...] = filt


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
        if interpolation != 'linear':
            raise ValueError(
                'Unsupported interpolation method: {}'.format(interpolation))
        super(UpsamplingDeconvFilter, self).__init__(
            upsampling=True, interpolation=interpolation, dtype=dtype)


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
        if interpolation != 'linear':
            raise ValueError(
                'Unsupported interpolation method: {}'.format(interpolation))
        super(DownsamplingConvFilter, self).__init__(
            upsampling=False, interpolation=interpolation, dtype=dtype)
