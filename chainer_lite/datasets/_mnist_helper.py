"""Shared code of the MNIST-format datasets (MNIST, Fashion-, Kuzushiji-)."""
import gzip
import os
import struct

import numpy

import chainer_lite
from chainer_lite.dataset import download
from chainer_lite.datasets import tuple_dataset

_IMAGE_MAGIC = 2051  # IDX file of unsigned bytes, 3 dimensions
_LABEL_MAGIC = 2049  # IDX file of unsigned bytes, 1 dimension


def _read_idx(url, magic, item_shape):
    # Parses one gzipped IDX file (downloaded and cached) into an array of
    # shape (N,) + item_shape; a corrupt file is reported and discarded.
    path = download.cached_download(url)
    with download._discard_download_on_error(url):
        with gzip.open(path, 'rb') as f:
            content = f.read()
        n_dims = len(item_shape) + 1
        header_size = 4 * (1 + n_dims)
        if len(content) < header_size:
            raise ValueError('the file is shorter than the IDX header')
        header = struct.unpack('>{}i'.format(1 + n_dims),
                               content[:header_size])
        if header[0] != magic or tuple(header[2:]) != item_shape:
            raise ValueError('unexpected IDX header {}'.format(header))
        n = header[1]
        data = numpy.frombuffer(content, numpy.uint8, offset=header_size)
        if data.size != n * int(numpy.prod(item_shape)):
            raise ValueError('expected {} items, the data holds {} bytes'
                             .format(n, data.size))
        return data.reshape((n,) + item_shape)


def make_npz(path, urls):
    """Downloads an image file and a label file, and caches them as .npz.

    The cache holds ``x`` (uint8, shape ``(N, 784)``) and ``y`` (uint8,
    shape ``(N,)``).
    """
    x_url, y_url = urls
    x = _read_idx(x_url, _IMAGE_MAGIC, (28, 28)).reshape(-1, 784)
    y = _read_idx(y_url, _LABEL_MAGIC, ())
    if len(x) != len(y):
        raise RuntimeError('wrong pair of MNIST images and labels')
    numpy.savez_compressed(path, x=x, y=y)
    return {'x': x, 'y': y}


def load_npz(path):
    """Loads a cached .npz file (never unpickling anything)."""
    return numpy.load(path, allow_pickle=False)


def preprocess_mnist(raw, withlabel, ndim, scale, image_dtype, label_dtype,
                     rgb_format):
    """Shapes and scales raw MNIST-format data as the getters return it."""
    images = raw['x']
    if ndim == 2:
        images = images.reshape(-1, 28, 28)
    elif ndim == 3:
        images = images.reshape(-1, 1, 28, 28)
        if rgb_format:
            images = numpy.broadcast_to(
                images, (len(images), 3) + images.shape[2:])
    elif ndim != 1:
        raise ValueError('invalid ndim for MNIST dataset')
    images = images.astype(image_dtype)
    images *= scale / 255.

    if withlabel:
        labels = raw['y'].astype(label_dtype)
        return tuple_dataset.TupleDataset(images, labels)
    return images


def retrieve(dataset_dir, name, urls):
    """Returns the raw data of one split, downloading it the first time."""
    root = download.get_dataset_directory(dataset_dir)
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda temp_path: make_npz(temp_path, urls), load_npz)


def get_splits(dataset_dir, train_urls, test_urls, withlabel, ndim, scale,
               dtype, label_dtype, rgb_format):
    """Returns the preprocessed training and test splits of an
    MNIST-format dataset cached under ``dataset_dir``; ``dtype`` ``None``
    means ``chainer.config.dtype``."""
    dtype = chainer_lite.get_dtype(dtype)
    splits = []
    for name, urls in (('train.npz', train_urls), ('test.npz', test_urls)):
        raw = retrieve(dataset_dir, name, urls)
        splits.append(preprocess_mnist(
            raw, withlabel, ndim, scale, dtype, label_dtype, rgb_format))
    return tuple(splits)
