import os

import numpy
import pytest

from chainer_lite import datasets
from chainer_lite.datasets import svhn


def test_without_scipy(monkeypatch):
    monkeypatch.setattr(svhn, '_scipy_available', False)
    monkeypatch.setattr(svhn, '_error', ImportError('no scipy'),
                        raising=False)
    with pytest.raises(RuntimeError, match='SciPy is not available'):
        datasets.get_svhn()


class _FakeScipyIo(object):
    # Stands for scipy.io: "loads" MATLAB files written by _mat_bytes.

    @staticmethod
    def loadmat(path):
        with numpy.load(path, allow_pickle=False) as f:
            return {'X': f['X'], 'y': f['y']}


def _mat_bytes(n, seed, tmp_path):
    rs = numpy.random.RandomState(seed)
    x = rs.randint(0, 256, (32, 32, 3, n)).astype(numpy.uint8)
    y = rs.randint(1, 11, (n, 1)).astype(numpy.uint8)
    path = str(tmp_path / 'm{}.npz'.format(seed))
    numpy.savez(path, X=x, y=y)
    with open(path, 'rb') as f:
        return f.read(), x, y


@pytest.mark.parametrize('withlabel', [True, False])
def test_download_and_format(withlabel, server, monkeypatch, dataset_root,
                             tmp_path):
    monkeypatch.setattr(svhn, '_scipy_available', True)
    monkeypatch.setattr(svhn, 'io', _FakeScipyIo, raising=False)
    raws = {}
    for split, n, seed in (('train', 3, 0), ('test', 2, 1), ('extra', 1, 2)):
        content, x, y = _mat_bytes(n, seed, tmp_path)
        server.files['/{}_32x32.mat'.format(split)] = content
        monkeypatch.setattr(svhn, '_{}_url'.format(split),
                            server.url('/{}_32x32.mat'.format(split)))
        raws[split] = (x, y)

    result = datasets.get_svhn(withlabel=withlabel, scale=2.,
                               add_extra=True)
    assert len(result) == 3
    for ds, split in zip(result, ('train', 'test', 'extra')):
        x_raw, y_raw = raws[split]
        if withlabel:
            x, y = ds._datasets
            expected = y_raw.flatten().astype(numpy.int32)
            expected[expected == 10] = 0
            numpy.testing.assert_array_equal(y, expected)
        else:
            x = ds
        assert x.shape == (x_raw.shape[3], 3, 32, 32)
        assert x.dtype == numpy.float32
        numpy.testing.assert_allclose(
            x, x_raw.transpose(3, 2, 0, 1) * (2. / 255.), rtol=1e-6)

    directory = os.path.join(dataset_root, 'pfnet', 'chainer', 'svhn')
    assert sorted(os.listdir(directory)) == [
        'extra.npz', 'test.npz', 'train.npz']
    assert len(datasets.get_svhn()) == 2
    assert sum(server.requests.values()) == 3


def test_default_urls_are_chainers():
    assert svhn._train_url == \
        'http://ufldl.stanford.edu/housenumbers/train_32x32.mat'
    assert svhn._extra_url == \
        'http://ufldl.stanford.edu/housenumbers/extra_32x32.mat'
