"""get_mnist: the MNIST handwritten digits (downloaded and cached)."""
import numpy

from chainer_lite.datasets import _mnist_helper

_base_url = 'http://yann.lecun.com/exdb/mnist/'
_train_urls = [_base_url + 'train-images-idx3-ubyte.gz',
               _base_url + 'train-labels-idx1-ubyte.gz']
_test_urls = [_base_url + 't10k-images-idx3-ubyte.gz',
              _base_url + 't10k-labels-idx1-ubyte.gz']


def get_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
              label_dtype=numpy.int32, rgb_format=False):
    """Gets the MNIST dataset.

    `MNIST <http://yann.lecun.com/exdb/mnist/>`_ is a set of 28x28
    greyscale images of handwritten digits (60000 for training, 10000 for
    testing). The pixels, one byte each in the original, are scaled to
    floating point values in ``[0, scale]``.

    The first call downloads the data and caches it as
    ``pfnet/chainer/mnist/train.npz`` and ``test.npz`` under the dataset
    root (see :func:`chainer.dataset.get_dataset_root`); later calls read
    the cache.

    Args:
        withlabel (bool): Return (image, label) examples; otherwise images
            only.
        ndim (int): Shape of each image: ``1`` gives ``(784,)``, ``2``
            gives ``(28, 28)``, ``3`` gives ``(1, 28, 28)``.
        scale (float): Pixel values are scaled to ``[0, scale]``.
        dtype: Type of the images; ``chainer.config.dtype`` by default.
        label_dtype: Type of the labels.
        rgb_format (bool): With ``ndim == 3``, repeat the channel to get
            images of shape ``(3, 28, 28)``.

    Returns:
        tuple: The training and test sets: two
        :class:`~chainer.datasets.TupleDataset` objects when ``withlabel``,
        otherwise two image arrays.
    """
    return _mnist_helper.get_splits(
        'pfnet/chainer/mnist', _train_urls, _test_urls,
        withlabel, ndim, scale, dtype, label_dtype, rgb_format)
