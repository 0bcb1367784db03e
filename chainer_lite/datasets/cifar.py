"""get_cifar10 / get_cifar100: small natural images (downloaded, cached)."""
import os
import pickle
import tarfile

import numpy

import chainer_lite
from chainer_lite.dataset import download
from chainer_lite.datasets import tuple_dataset

_url_template = 'https://www.cs.toronto.edu/~kriz/{}-python.tar.gz'


def get_cifar10(withlabel=True, ndim=3, scale=1., dtype=None):
    """Gets the CIFAR-10 dataset.

    `CIFAR-10 <https://www.cs.toronto.edu/~kriz/cifar.html>`_ holds 60000
    32x32 RGB images in 10 classes (50000 for training, 10000 for testing).
    The pixel components, one byte each in the original, are scaled to
    floating point values in ``[0, scale]``.

    The first call downloads the archive and caches the data as
    ``pfnet/chainer/cifar/cifar-10.npz`` under the dataset root (see
    :func:`chainer.dataset.get_dataset_root`); later calls read the cache.

    Args:
        withlabel (bool): Return (image, label) examples (int32 labels);
            otherwise images only.
        ndim (int): Shape of each image: ``1`` gives ``(3072,)``, ``3``
            gives ``(3, 32, 32)``.
        scale (float): Pixel values are scaled to ``[0, scale]``.
        dtype: Type of the images; ``chainer.config.dtype`` by default.

    Returns:
        tuple: The training and test sets: two
        :class:`~chainer.datasets.TupleDataset` objects when ``withlabel``,
        otherwise two image arrays.
    """
    return _cifar_splits('cifar-10', withlabel, ndim, scale, dtype)


def get_cifar100(withlabel=True, ndim=3, scale=1., dtype=None):
    """Gets the CIFAR-100 dataset.

    `CIFAR-100 <https://www.cs.toronto.edu/~kriz/cifar.html>`_ holds 32x32
    RGB images of 100 classes (labelled by the "fine" labels). The pixel
    components are scaled to floating point values in ``[0, scale]``.

    The first call downloads the archive and caches the data as
    ``pfnet/chainer/cifar/cifar-100.npz`` under the dataset root; later
    calls read the cache.

    Args:
        withlabel (bool): Return (image, label) examples (int32 labels);
            otherwise images only.
        ndim (int): Shape of each image: ``1`` gives ``(3072,)``, ``3``
            gives ``(3, 32, 32)``.
        scale (float): Pixel values are scaled to ``[0, scale]``.
        dtype: Type of the images; ``chainer.config.dtype`` by default.

    Returns:
        tuple: The training and test sets: two
        :class:`~chainer.datasets.TupleDataset` objects when ``withlabel``,
        otherwise two image arrays.
    """
    return _cifar_splits('cifar-100', withlabel, ndim, scale, dtype)


def _cifar_splits(name, withlabel, ndim, scale, dtype):
    # (train, test) of the named CIFAR variant, from the .npz cache (built
    # from the downloaded archive on first use).
    cache_dir = download.get_dataset_directory(
        os.path.join('pfnet', 'chainer', 'cifar'))
    url = _url_template.format(name)
    reader = _read_cifar10 if name == 'cifar-10' else _read_cifar100

    def build_cache(path):
        tarball = download.cached_download(url)
        with download._discard_download_on_error(url):
            with tarfile.open(tarball, mode='r:gz') as archive:
                arrays = reader(archive)
        numpy.savez_compressed(path, **arrays)
        return arrays

    raw = download.cache_or_load_file(
        os.path.join(cache_dir, name + '.npz'), build_cache,
        lambda path: numpy.load(path, allow_pickle=False))
    return tuple(
        _preprocess_cifar(raw[split + '_x'], raw[split + '_y'], withlabel,
                          ndim, scale, dtype)
        for split in ('train', 'test'))


def _read_batch(archive, member, label_key):
    batch = _load_archive_pickle(archive.extractfile(member))
    x = numpy.asarray(batch['data'], dtype=numpy.uint8).reshape(-1, 3072)
    y = numpy.asarray(batch[label_key], dtype=numpy.uint8)
    if len(x) != len(y):
        raise ValueError('{} has {} images but {} labels'.format(
            member, len(x), len(y)))
    return x, y


def _read_cifar10(archive):
    # Five training batches and one test batch.
    batches = [_read_batch(archive,
                           'cifar-10-batches-py/data_batch_{}'.format(i),
                           'labels')
               for i in range(1, 6)]
    test_x, test_y = _read_batch(archive, 'cifar-10-batches-py/test_batch',
                                 'labels')
    return {'train_x': numpy.concatenate([x for x, _ in batches]),
            'train_y': numpy.concatenate([y for _, y in batches]),
            'test_x': test_x, 'test_y': test_y}


def _read_cifar100(archive):
    train_x, train_y = _read_batch(archive, 'cifar-100-python/train',
                                   'fine_labels')
    test_x, test_y = _read_batch(archive, 'cifar-100-python/test',
                                 'fine_labels')
    return {'train_x': train_x, 'train_y': train_y,
            'test_x': test_x, 'test_y': test_y}


class _ArchiveUnpickler(pickle.Unpickler):
    # The CIFAR archives are pickles of dicts of lists, strings and NumPy
    # arrays. Only the globals needed to rebuild those are allowed, so a
    # tampered download cannot run code.

    _allowed = {
        ('numpy', 'ndarray'), ('numpy', 'dtype'),
        ('numpy.core.multiarray', '_reconstruct'),
        ('numpy.core.multiarray', 'scalar'),
        ('numpy._core.multiarray', '_reconstruct'),
        ('numpy._core.multiarray', 'scalar'),
        ('_codecs', 'encode'),
    }

    def find_class(self, module, name):
        if (module, name) not in self._allowed:
            raise pickle.UnpicklingError(
                'unexpected object {}.{} in the CIFAR archive'.format(
                    module, name))
        if module.startswith('numpy.core.') and \
                hasattr(numpy, '_core'):
            # NumPy 2 moved numpy.core to numpy._core.
            module = 'numpy._core.' + module[len('numpy.core.'):]
        return super().find_class(module, name)


def _load_archive_pickle(f):
    # The files were written by Python 2: its byte strings are read as
    # latin-1 text.
    return _ArchiveUnpickler(f, encoding='latin-1').load()


def _preprocess_cifar(images, labels, withlabel, ndim, scale, dtype):
    if ndim == 1:
        images = images.reshape(-1, 3072)
    elif ndim == 3:
        images = images.reshape(-1, 3, 32, 32)
    else:
        raise ValueError('invalid ndim for CIFAR dataset')
    images = images.astype(chainer_lite.get_dtype(dtype))
    images *= scale / 255.

    if withlabel:
        labels = labels.astype(numpy.int32)
        return tuple_dataset.TupleDataset(images, labels)
    return images
