import gzip
import hashlib
import os
import struct

import numpy
import pytest

from chainer_lite import datasets
from chainer_lite.datasets import fashion_mnist
from chainer_lite.datasets import kuzushiji_mnist
from chainer_lite.datasets import mnist
from dataset_tests import loopback_server

_GETTERS = [
    (mnist, datasets.get_mnist, 'pfnet/chainer/mnist'),
    (fashion_mnist, datasets.get_fashion_mnist,
     'pfnet/chainer/fashion-mnist'),
    (kuzushiji_mnist, datasets.get_kuzushiji_mnist,
     'pfnet/chainer/kuzushiji_mnist'),
]


def _idx_images(images):
    n = len(images)
    raw = struct.pack('>iiii', 2051, n, 28, 28) + images.tobytes()
    return gzip.compress(raw)


def _idx_labels(labels):
    return gzip.compress(struct.pack('>ii', 2049, len(labels)) +
                         labels.tobytes())


def _serve_split(server, module, split, n, seed):
    rs = numpy.random.RandomState(seed)
    images = rs.randint(0, 256, (n, 28, 28)).astype(numpy.uint8)
    labels = rs.randint(0, 10, n).astype(numpy.uint8)
    prefix = '/{}/{}-'.format(module.__name__.rsplit('.', 1)[1], split)
    server.files[prefix + 'images.gz'] = _idx_images(images)
    server.files[prefix + 'labels.gz'] = _idx_labels(labels)
    urls = [server.url(prefix + 'images.gz'), server.url(prefix + 'labels.gz')]
    return urls, images, labels


@pytest.fixture(params=_GETTERS, ids=lambda g: g[0].__name__.split('.')[-1])
def served(request, server, monkeypatch, dataset_root):
    module, getter, subdir = request.param
    train_urls, train_x, train_y = _serve_split(server, module, 'train', 5, 0)
    test_urls, test_x, test_y = _serve_split(server, module, 'test', 3, 1)
    monkeypatch.setattr(module, '_train_urls', train_urls)
    monkeypatch.setattr(module, '_test_urls', test_urls)
    return {'getter': getter, 'subdir': subdir, 'server': server,
            'urls': train_urls + test_urls,
            'train': (train_x, train_y), 'test': (test_x, test_y)}


def test_default_urls_are_chainers():
    assert mnist._train_urls[0] == \
        'http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz'
    assert mnist._test_urls[1] == \
        'http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz'
    assert fashion_mnist._train_urls[0] == (
        'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'
        'train-images-idx3-ubyte.gz')
    assert kuzushiji_mnist._test_urls[0] == (
        'http://codh.rois.ac.jp/kmnist/dataset/kmnist/'
        't10k-images-idx3-ubyte.gz')


@pytest.mark.parametrize('withlabel', [True, False])
@pytest.mark.parametrize('ndim, rgb_format, shape', [
    (1, False, (784,)), (2, False, (28, 28)), (3, False, (1, 28, 28)),
    (3, True, (3, 28, 28))])
def test_formats(served, withlabel, ndim, rgb_format, shape):
    train, test = served['getter'](
        withlabel=withlabel, ndim=ndim, scale=2., dtype=numpy.float64,
        label_dtype=numpy.int64, rgb_format=rgb_format)
    for ds, (images, labels) in ((train, served['train']),
                                 (test, served['test'])):
        if withlabel:
            assert isinstance(ds, datasets.TupleDataset)
            x, y = ds._datasets
            assert y.dtype == numpy.int64
            numpy.testing.assert_array_equal(y, labels)
        else:
            assert isinstance(ds, numpy.ndarray)
            x = ds
        assert x.dtype == numpy.float64
        assert x.shape == (len(images),) + shape
        expected = images.reshape(len(images), 784) * (2. / 255.)
        channels = x.reshape(len(images), -1, 784)
        for c in range(channels.shape[1]):
            numpy.testing.assert_allclose(channels[:, c], expected)


def test_defaults_and_invalid_ndim(served):
    train, _ = served['getter']()
    image, label = train[0]
    assert image.dtype == numpy.float32 and image.shape == (784,)
    assert label.dtype == numpy.int32
    assert 0 <= image.min() and image.max() <= 1
    with pytest.raises(ValueError, match='invalid ndim'):
        served['getter'](ndim=4)


def test_cache_layout_and_reuse(served, dataset_root):
    getter, server = served['getter'], served['server']
    getter()
    directory = os.path.join(dataset_root, served['subdir'])
    assert sorted(os.listdir(directory)) == ['test.npz', 'train.npz']
    with numpy.load(os.path.join(directory, 'train.npz'),
                    allow_pickle=False) as npz:
        assert sorted(npz.files) == ['x', 'y']
        assert npz['x'].dtype == numpy.uint8 and npz['x'].shape == (5, 784)
        numpy.testing.assert_array_equal(npz['y'], served['train'][1])
    for url in served['urls']:
        cached = os.path.join(dataset_root, '_dl_cache',
                              hashlib.md5(url.encode()).hexdigest())
        assert os.path.exists(cached)

    requests = sum(server.requests.values())
    assert requests == 4
    train, _ = getter(withlabel=False)
    assert sum(server.requests.values()) == requests  # read from the cache
    assert train.shape == (5, 784)


def test_corrupt_download(served, dataset_root):
    server = served['server']
    image_path = '/' + served['urls'][0].split('/', 3)[3]
    good = server.files[image_path]
    server.files[image_path] = good[:len(good) // 2]  # a cut gzip stream

    with pytest.raises(RuntimeError, match='corrupt or truncated') as info:
        served['getter']()
    assert served['urls'][0] in str(info.value)
    directory = os.path.join(dataset_root, served['subdir'])
    assert os.listdir(directory) == []
    corrupt = os.path.join(dataset_root, '_dl_cache', hashlib.md5(
        served['urls'][0].encode()).hexdigest())
    assert not os.path.exists(corrupt)

    # Once the server has the right file, the next call succeeds.
    server.files[image_path] = good
    train, _ = served['getter']()
    assert len(train) == 5


def test_truncated_transfer(served, dataset_root):
    server = served['server']
    server.truncated.add('/' + served['urls'][1].split('/', 3)[3])
    with pytest.raises(OSError, match='Failed to download'):
        served['getter']()
    assert os.listdir(os.path.join(dataset_root, served['subdir'])) == []


def test_mismatched_image_and_label_counts(served):
    server = served['server']
    label_path = '/' + served['urls'][1].split('/', 3)[3]
    server.files[label_path] = _idx_labels(numpy.zeros(4, numpy.uint8))
    with pytest.raises(RuntimeError, match='wrong pair'):
        served['getter']()


def test_bad_header_is_reported(served):
    server = served['server']
    image_path = '/' + served['urls'][0].split('/', 3)[3]
    server.files[image_path] = gzip.compress(b'not an idx file at all!!')
    with pytest.raises(RuntimeError, match='unexpected IDX header'):
        served['getter']()


def test_labels():
    assert datasets.get_fashion_mnist_labels()[9] == 'Ankle boot'
    labels = datasets.get_fashion_mnist_labels()
    labels.append('extra')
    assert len(datasets.get_fashion_mnist_labels()) == 10
    assert datasets.get_kuzushiji_mnist_labels()[0] == ('o', u'\u304A')
    assert len(datasets.get_kuzushiji_mnist_labels()) == 10


def test_unreachable_server_caches_nothing(dataset_root, monkeypatch):
    monkeypatch.setattr(mnist, '_train_urls', [
        loopback_server.closed_port_url('/x'),
        loopback_server.closed_port_url('/y')])
    with pytest.raises(OSError, match='Failed to download'):
        datasets.get_mnist()
    assert os.listdir(os.path.join(dataset_root, 'pfnet/chainer/mnist')) == []
    assert os.listdir(os.path.join(dataset_root, '_dl_cache')) == ['_dl_lock']
