"""get_kuzushiji_mnist: cursive Japanese characters (downloaded, cached)."""
import numpy

from chainer_lite.datasets import _mnist_helper

# (romaji, hiragana) of the ten classes, by label.
_kuzushiji_mnist_labels = list(zip(
    ['o', 'ki', 'su', 'tsu', 'na', 'ha', 'ma', 'ya', 're', 'wo'],
    '\u304a\u304d\u3059\u3064\u306a\u306f\u307e\u3084\u308c\u3092'))

_base_url = 'http://codh.rois.ac.jp/kmnist/dataset/kmnist/'
_train_urls = [_base_url + 'train-images-idx3-ubyte.gz',
               _base_url + 'train-labels-idx1-ubyte.gz']
_test_urls = [_base_url + 't10k-images-idx3-ubyte.gz',
              _base_url + 't10k-labels-idx1-ubyte.gz']


def get_kuzushiji_mnist_labels():
    """Returns the Kuzushiji-MNIST classes, by label.

    Returns:
        list of tuples: ``(romaji name, character)`` for each label.

    Example:

        >>> from chainer.datasets import get_kuzushiji_mnist_labels
        >>> get_kuzushiji_mnist_labels()[1]
        ('ki', 'き')
    """
    return _kuzushiji_mnist_labels


def get_kuzushiji_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
                        label_dtype=numpy.int32, rgb_format=False):
    """Gets the Kuzushiji-MNIST dataset.

    `Kuzushiji-MNIST (KMNIST) <http://codh.rois.ac.jp/kmnist/>`_ is a set
    of 28x28 greyscale images of handwritten cursive Japanese characters in
    10 classes, in MNIST's format. The pixels are scaled to floating point
    values in ``[0, scale]``.

    The first call downloads the data and caches it as
    ``pfnet/chainer/kuzushiji_mnist/train.npz`` and ``test.npz`` under the
    dataset root; later calls read the cache.

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
        'pfnet/chainer/kuzushiji_mnist', _train_urls, _test_urls,
        withlabel, ndim, scale, dtype, label_dtype, rgb_format)
