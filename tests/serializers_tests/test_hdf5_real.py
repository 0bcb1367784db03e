"""HDF5 serializers against the real h5py (skipped where it is not installed)."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import optimizers
from chainer_lite import serializers

h5py = pytest.importorskip('h5py')


def _model():
    return chainer.Sequential(L.Linear(3, 4), L.BatchNormalization(4))


def test_model_and_optimizer_round_trip(tmp_path):
    numpy.random.seed(0)
    src = _model()
    opt = optimizers.Adam().setup(src)
    x = numpy.random.rand(5, 3).astype(numpy.float32)
    for _ in range(2):
        src.cleargrads()
        chainer.functions.sum(src(x)).backward()
        opt.update()
    serializers.save_hdf5(str(tmp_path / 'model.h5'), src)
    serializers.save_hdf5(str(tmp_path / 'opt.h5'), opt)

    dst = _model()
    dst_opt = optimizers.Adam().setup(dst)
    serializers.load_hdf5(str(tmp_path / 'model.h5'), dst)
    serializers.load_hdf5(str(tmp_path / 'opt.h5'), dst_opt)
    for (name, p), (_, q) in zip(src.namedparams(), dst.namedparams()):
        numpy.testing.assert_array_equal(p.array, q.array, err_msg=name)
    numpy.testing.assert_array_equal(src[1].avg_mean, dst[1].avg_mean)
    assert dst_opt.t == opt.t == 2
    with chainer.using_config('train', False):
        numpy.testing.assert_array_equal(src(x).array, dst(x).array)


def test_strings_none_and_scalars(tmp_path):
    path = str(tmp_path / 'values.h5')
    with h5py.File(path, 'w') as f:
        s = serializers.HDF5Serializer(f)
        s('name', 'abc')
        s('nothing', None)
        s('count', 7)
    with h5py.File(path, 'r') as f:
        d = serializers.HDF5Deserializer(f)
        assert d('name', '') == 'abc'
        assert d('nothing', numpy.zeros(1)) is None
        assert d('count', 0) == 7
