"""get_svhn: Street View House Numbers (downloaded and cached; SciPy)."""
import os

import numpy
try:
    from scipy import io
    _scipy_available = True
except Exception as e:
    _error = e
    _scipy_available = False

import chainer_lite
from chainer_lite.dataset import download
from chainer_lite.datasets import tuple_dataset

_base_url = 'http://ufldl.stanford.edu/housenumbers/'
_train_url = _base_url + 'train_32x32.mat'
_test_url = _base_url + 'test_32x32.mat'
_extra_url = _base_url + 'extra_32x32.mat'


def get_svhn(withlabel=True, scale=1., dtype=None, label_dtype=numpy.int32,
             add_extra=False):
    """Gets the SVHN dataset.

    `The Street View House Numbers (SVHN) dataset
    <http://ufldl.stanford.edu/housenumbers/>`_ is a set of 32x32 RGB images
    of digits cropped from house numbers, similar to MNIST. Each image has
    shape ``(3, 32, 32)`` and pixel values scaled to ``[0, scale]``; the
    digit 0 has label 0 (the original files use 10).

    The first call downloads the MATLAB files and caches the data as
    ``pfnet/chainer/svhn/train.npz``, ``test.npz`` (and ``extra.npz``) under
    the dataset root; later calls read the cache. Reading the MATLAB files
    needs `SciPy <https://www.scipy.org/>`_.

    Args:
        withlabel (bool): Return (image, label) examples; otherwise images
            only.
        scale (float): Pixel values are scaled to ``[0, scale]``.
        dtype: Type of the images; ``chainer.config.dtype`` by default.
        label_dtype: Type of the labels.
        add_extra (bool): Also return the extra training set.

    Returns:
        tuple: The training and test sets (and the extra set if
        ``add_extra``): :class:`~chainer.datasets.TupleDataset` objects
        when ``withlabel``, otherwise image arrays.

    Raises:
        RuntimeError: SciPy is not available.
    """
    if not _scipy_available:
        raise RuntimeError('SciPy is not available: %s' % _error)

    dtype = chainer_lite.get_dtype(dtype)
    splits = [('train', _train_url), ('test', _test_url)]
    if add_extra:
        splits.append(('extra', _extra_url))
    return tuple(
        _preprocess_svhn(_retrieve_svhn(split + '.npz', url), withlabel,
                         scale, dtype, label_dtype)
        for split, url in splits)


def _preprocess_svhn(raw, withlabel, scale, image_dtype, label_dtype):
    # The MATLAB arrays are (height, width, channel, example).
    images = raw['x'].transpose(3, 2, 0, 1)
    images = images.astype(image_dtype)
    images *= scale / 255.

    labels = raw['y'].astype(label_dtype).flatten()
    labels[labels == 10] = 0

    if withlabel:
        return tuple_dataset.TupleDataset(images, labels)
    return images


def _retrieve_svhn(name, url):
    root = download.get_dataset_directory('pfnet/chainer/svhn')
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda temp_path: _make_npz(temp_path, url),
        lambda path: numpy.load(path, allow_pickle=False))


def _make_npz(path, url):
    mat_path = download.cached_download(url)
    with download._discard_download_on_error(url):
        raw = io.loadmat(mat_path)
        images = raw['X'].astype(numpy.uint8)
        labels = raw['y'].astype(numpy.uint8)
    numpy.savez_compressed(path, x=images, y=labels)
    return {'x': images, 'y': labels}
