"""HDF5 serializers: the error without h5py, and the code paths against a
small in-memory stand-in for h5py (h5py itself is optional and absent)."""
import sys
import types

import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import optimizers
from chainer_lite.serializers import hdf5


_MESSAGE = 'h5py is not installed on your environment'


@pytest.mark.parametrize('call', [
    lambda: hdf5.save_hdf5('x.h5', object()),
    lambda: hdf5.load_hdf5('x.h5', object()),
    lambda: hdf5.HDF5Serializer(None),
    lambda: hdf5.HDF5Deserializer(None),
])
@pytest.mark.parametrize('how', ['not_found', 'import_fails'])
def test_missing_h5py_error(monkeypatch, call, how):
    if how == 'not_found':
        monkeypatch.setattr(hdf5, '_available', False)
    else:
        monkeypatch.setattr(hdf5, '_available', True)
        monkeypatch.setitem(sys.modules, 'h5py', None)  # import fails
    # Chainer raises RuntimeError; ImportError also catches it.
    for error in (RuntimeError, ImportError):
        with pytest.raises(error, match=_MESSAGE) as e:
            call()
    assert 'pip install h5py' in str(e.value)


# A minimal h5py: files are dictionaries kept in memory by name. -------------

class _Empty(object):
    def __init__(self, dtype):
        self.dtype = dtype


class _Dataset(object):
    def __init__(self, data):
        self.data = data

    @property
    def shape(self):
        return None if isinstance(self.data, _Empty) else self.data.shape

    def read_direct(self, dest):
        numpy.copyto(dest, self.data)

    def __array__(self, dtype=None, copy=None):
        return numpy.array(self.data, dtype=dtype)


class _Group(object):
    def __init__(self, store, name, writable):
        self._store = store
        self.name = name
        self._writable = writable

    def _path(self, key):
        parts = [p for p in (self.name + '/' + key).split('/') if p]
        return '/' + '/'.join(parts)

    def require_group(self, name):
        path = self._path(name) if not name.startswith('/') else \
            '/' + '/'.join(p for p in name.split('/') if p)
        if path not in self._store:
            if not self._writable:
                raise ValueError('no group ' + path)
            self._store[path] = 'group'
        return _Group(self._store, path, self._writable)

    def create_dataset(self, key, data, compression=None):
        path = self._path(key)
        assert path not in self._store
        parts = path.split('/')[1:-1]
        for i in range(len(parts)):  # intermediate groups, as h5py makes
            self._store.setdefault('/' + '/'.join(parts[:i + 1]), 'group')
        if not isinstance(data, _Empty):
            data = numpy.array(data)
            assert compression is None or data.size > 1
        self._store[path] = _Dataset(data)

    def __contains__(self, key):
        return self._path(key) in self._store

    def __getitem__(self, key):
        return self._store[self._path(key)]


class _File(_Group):
    files = {}

    def __init__(self, filename, mode):
        if mode == 'w':
            _File.files[filename] = {'/': 'group'}
        super(_File, self).__init__(_File.files[filename], '/', mode == 'w')

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


@pytest.fixture
def fake_h5py(monkeypatch):
    module = types.ModuleType('h5py')
    module.File = _File
    module.Empty = _Empty
    monkeypatch.setitem(sys.modules, 'h5py', module)
    monkeypatch.setattr(hdf5, '_available', True)
    _File.files = {}
    return module


def test_model_round_trip(fake_h5py):
    numpy.random.seed(0)
    source = chainer.Chain()
    with source.init_scope():
        source.l1 = L.Linear(3, 2)
        source.lazy = L.Linear(None, 2)
    hdf5.save_hdf5('m.h5', source)
    store = _File.files['m.h5']
    assert isinstance(store['/l1/W'], _Dataset)
    assert store['/lazy/W'].shape is None  # None as an empty dataset

    target = chainer.Chain()
    with target.init_scope():
        target.l1 = L.Linear(3, 2)
        target.lazy = L.Linear(None, 2)
    hdf5.load_hdf5('m.h5', target)
    numpy.testing.assert_array_equal(target.l1.W.array, source.l1.W.array)
    assert target.lazy.W.array is None


def test_optimizer_and_scalars(fake_h5py):
    model = L.Linear(2, 2)
    opt = optimizers.MomentumSGD().setup(model)
    model.cleargrads()
    opt.update()
    opt.new_epoch()
    hdf5.save_hdf5('o.h5', opt)
    opt2 = optimizers.MomentumSGD().setup(L.Linear(2, 2))
    hdf5.load_hdf5('o.h5', opt2)
    assert (opt2.t, opt2.epoch) == (1, 1)
    assert sorted(opt2.target.W.update_rule.state) == ['v']


def test_non_strict_and_missing_groups(fake_h5py):
    hdf5.save_hdf5('d.h5', {'x': numpy.arange(3), '/y/z': numpy.ones(2)})
    f = _File('d.h5', 'r')
    d = hdf5.HDF5Deserializer(f, strict=False)
    value = numpy.zeros(2)
    assert d('missing', value) is value
    assert d['nowhere']('x', value) is value
    strict = hdf5.HDF5Deserializer(f)
    with pytest.raises(ValueError, match='Inexistent group'):
        strict['nowhere']('x', value)
    numpy.testing.assert_array_equal(strict('x', None), [0, 1, 2])
    assert strict('x', numpy.zeros(3)).tolist() == [0, 1, 2]
    numpy.testing.assert_array_equal(strict['y']('z', None), [1, 1])


def test_dictionary_with_object_array_names_the_key(fake_h5py):
    def refuse(self, key, data, compression=None):
        raise TypeError('Object dtype dtype(\'O\') has no native HDF5 '
                        'equivalent')
    _File.create_dataset = refuse
    try:
        with pytest.raises(TypeError, match='A key named "log"'):
            hdf5.save_hdf5('e.h5', {'log': numpy.asarray(None)})
    finally:
        del _File.create_dataset
