import io
import os
import pickle
import tarfile

import numpy
import pytest

from chainer_lite import datasets
from chainer_lite.datasets import cifar


def _batch(n, label_key, seed):
    rs = numpy.random.RandomState(seed)
    data = rs.randint(0, 256, (n, 3072)).astype(numpy.uint8)
    labels = [int(v) for v in rs.randint(0, 10, n)]
    # Protocol 2, as the Python 2 pickles of the real archives.
    return pickle.dumps({'data': data, label_key: labels,
                         'batch_label': 'b'}, protocol=2), data, labels


def _tar(members):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode='w:gz') as archive:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buf.getvalue()


def _cifar10_archive():
    members, train_x, train_y = {}, [], []
    for i in range(1, 6):
        content, x, y = _batch(2, 'labels', i)
        members['cifar-10-batches-py/data_batch_{}'.format(i)] = content
        train_x.append(x)
        train_y += y
    content, test_x, test_y = _batch(3, 'labels', 9)
    members['cifar-10-batches-py/test_batch'] = content
    return _tar(members), (numpy.concatenate(train_x), train_y), \
        (test_x, test_y)


def _cifar100_archive():
    train, train_x, train_y = _batch(4, 'fine_labels', 1)
    test, test_x, test_y = _batch(2, 'fine_labels', 2)
    return _tar({'cifar-100-python/train': train,
                 'cifar-100-python/test': test}), \
        (train_x, train_y), (test_x, test_y)


@pytest.fixture(params=['cifar-10', 'cifar-100'])
def served(request, server, monkeypatch, dataset_root):
    name = request.param
    archive, train, test = (_cifar10_archive() if name == 'cifar-10'
                            else _cifar100_archive())
    server.files['/{}-python.tar.gz'.format(name)] = archive
    monkeypatch.setattr(cifar, '_url_template',
                        server.url('/{}-python.tar.gz'))
    getter = datasets.get_cifar10 if name == 'cifar-10' else \
        datasets.get_cifar100
    return {'name': name, 'getter': getter, 'train': train, 'test': test,
            'server': server}


def test_default_url_is_chainers():
    assert cifar._url_template.format('cifar-10') == \
        'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz'


@pytest.mark.parametrize('withlabel', [True, False])
@pytest.mark.parametrize('ndim, shape', [(1, (3072,)), (3, (3, 32, 32))])
def test_formats(served, withlabel, ndim, shape):
    train, test = served['getter'](withlabel=withlabel, ndim=ndim,
                                   scale=255., dtype=numpy.float64)
    for ds, (x_raw, y_raw) in ((train, served['train']),
                               (test, served['test'])):
        if withlabel:
            x, y = ds._datasets
            assert y.dtype == numpy.int32 and y.tolist() == list(y_raw)
        else:
            x = ds
        assert x.dtype == numpy.float64 and x.shape[1:] == shape
        numpy.testing.assert_allclose(x.reshape(len(x), -1), x_raw)


def test_cache_and_reuse(served, dataset_root):
    served['getter']()
    npz = os.path.join(dataset_root, 'pfnet', 'chainer', 'cifar',
                       served['name'] + '.npz')
    with numpy.load(npz, allow_pickle=False) as f:
        assert sorted(f.files) == ['test_x', 'test_y', 'train_x', 'train_y']
    served['getter'](ndim=1)
    assert sum(served['server'].requests.values()) == 1
    with pytest.raises(ValueError, match='invalid ndim'):
        served['getter'](ndim=2)


def test_archive_with_foreign_objects_is_rejected(
        server, monkeypatch, dataset_root):
    # A pickle that would call os.system is refused, not executed.
    class Exploit(object):
        def __reduce__(self):
            return (os.system, ('echo pwned',))

    evil = pickle.dumps({'data': Exploit(), 'fine_labels': []}, protocol=2)
    server.files['/cifar-100-python.tar.gz'] = _tar(
        {'cifar-100-python/train': evil, 'cifar-100-python/test': evil})
    monkeypatch.setattr(cifar, '_url_template',
                        server.url('/{}-python.tar.gz'))
    with pytest.raises(RuntimeError, match='unexpected object'):
        datasets.get_cifar100()
    assert not os.path.exists(os.path.join(
        dataset_root, 'pfnet', 'chainer', 'cifar', 'cifar-100.npz'))


def test_corrupt_archive(server, monkeypatch, dataset_root):
    server.files['/cifar-10-python.tar.gz'] = b'\x1f\x8b garbage'
    monkeypatch.setattr(cifar, '_url_template',
                        server.url('/{}-python.tar.gz'))
    with pytest.raises(RuntimeError, match='corrupt or truncated'):
        datasets.get_cifar10()
    assert os.listdir(os.path.join(
        dataset_root, 'pfnet', 'chainer', 'cifar')) == []
