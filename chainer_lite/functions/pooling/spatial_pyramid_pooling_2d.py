"""Spatial pyramid pooling: a fixed-length vector from any image size."""
from chainer_lite.functions.array import concat
from chainer_lite.functions.pooling import max_pooling_nd


def spatial_pyramid_pooling_2d(x, pyramid_height, pooling=None):
    """Pools images at several grid resolutions into one flat vector.

    Level :math:`i` (from 0) of the pyramid max-pools ``x`` into a
    :math:`2^i \\times 2^i` grid, with windows of size
    :math:`k^{(i)} = \\lceil b / 2^i \\rceil` and padding
    :math:`\\lfloor (2^i k^{(i)} - b) / 2 \\rfloor` along each axis
    (:math:`b` is the input height or width, ``cover_all`` pooling). The
    levels are flattened and concatenated along the channel axis. See
    `Spatial Pyramid Pooling in Deep Convolutional Networks for Visual
    Recognition <https://arxiv.org/abs/1406.4729>`_.

    Args:
        x (~chainer.Variable): Input of shape :math:`(n, c, h, w)`.
        pyramid_height (int): Number of pyramid levels.
        pooling (str): The pooling operation; only ``'max'`` is supported
            (and it must be given).

    Returns:
        ~chainer.Variable: Output of shape
        :math:`(n, c \\sum_{i=0}^{H-1} 4^i, 1, 1)` for :math:`H` levels.

    Example:

        >>> x = np.random.uniform(size=(2, 3, 9, 8)).astype(np.float32)
        >>> F.spatial_pyramid_pooling_2d(x, 3, pooling='max').shape
        (2, 63, 1, 1)
    """
    bottom_h, bottom_w = x.shape[2:]
    ys = []
    for level in range(pyramid_height):
        n_bins = 2 ** level
        ksize_h = -(-bottom_h // n_bins)
        ksize_w = -(-bottom_w // n_bins)
        pad = ((ksize_h * n_bins - bottom_h) // 2,
               (ksize_w * n_bins - bottom_w) // 2)
        if pooling != 'max':
            raise ValueError('Unsupported pooling operation: ', pooling)
        y = max_pooling_nd.max_pooling_2d(
            x, ksize=(ksize_h, ksize_w), stride=None, pad=pad, cover_all=True)
        n, c, h, w = y.shape
        ys.append(y.reshape((n, c * h * w, 1, 1)))
    return concat.concat(ys)
