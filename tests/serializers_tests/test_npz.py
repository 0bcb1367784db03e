"""NPZ serialization: layout, round trips, strictness, and safe loading."""
import io
import os
import pathlib
import zipfile

import hypothesis
import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import optimizers
from chainer_lite.serializers import npz


class Tree(object):
    """A serializable hierarchy: values (arrays, scalars, strings, None)
    and child trees."""

    def __init__(self, values, children):
        self.values = values
        self.children = children

    def serialize(self, serializer):
        for key in sorted(self.values):
            self.values[key] = serializer(key, self.values[key])
        for name in sorted(self.children):
            self.children[name].serialize(serializer[name])

    def blank(self):
        """Same structure, zeroed arrays and default scalars."""
        values = {}
        for key, value in self.values.items():
            if isinstance(value, numpy.ndarray):
                values[key] = numpy.zeros_like(value)
            elif value is None:
                values[key] = numpy.zeros(1)
            else:
                values[key] = type(value)()
        return Tree(values, {k: c.blank() for k, c in self.children.items()})

    def flat(self, prefix=''):
        out = {prefix + k: v for k, v in self.values.items()}
        for name, child in self.children.items():
            out.update(child.flat(prefix + name + '/'))
        return out


_DTYPES = [numpy.float16, numpy.float32, numpy.float64, numpy.int8,
           numpy.int32, numpy.int64, numpy.uint8, numpy.bool_]
_names = st.text('abcxyz_0', min_size=1, max_size=3)
_arrays = st.sampled_from(_DTYPES).flatmap(
    lambda dtype: hnp.arrays(dtype, hnp.array_shapes(
        min_dims=0, max_dims=3, min_side=0, max_side=3)))
_values = st.one_of(
    _arrays, st.integers(-2 ** 62, 2 ** 62), st.floats(allow_nan=False),
    st.booleans(), st.text('abc xyz', max_size=5), st.none())
_trees = st.recursive(
    st.builds(Tree, st.dictionaries(_names.map('v'.__add__), _values,
                                    max_size=4), st.just({})),
    lambda children: st.builds(
        Tree, st.dictionaries(_names.map('v'.__add__), _values, max_size=3),
        st.dictionaries(_names.map('c'.__add__), children, max_size=3)),
    max_leaves=6)


def _linear_chain(seed=0):
    numpy.random.seed(seed)
    chain = chainer.Chain()
    with chain.init_scope():
        chain.l1 = L.Linear(3, 2)
        chain.l2 = L.Linear(2, 4)
    return chain


def _arrays_of(link):
    return {name: p.array.copy() for name, p in link.namedparams()}


def _assert_arrays(link, expected):
    actual = _arrays_of(link)
    assert sorted(actual) == sorted(expected)
    for name in expected:
        numpy.testing.assert_array_equal(actual[name], expected[name])


# DictionarySerializer --------------------------------------------------------

def test_dictionary_serializer_paths_and_values():
    s = npz.DictionarySerializer()
    child = s['/x/']
    assert isinstance(child, npz.DictionarySerializer)
    assert child.path == 'x/' and child.target is s.target
    data = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    assert child('/w', data) is data
    assert s('n', 10) == 10
    assert s('none', None) is None
    assert s.target['x/w'] is data  # CPU arrays are stored as they are
    assert s.target['n'].shape == () and s.target['n'][()] == 10
    none = s.target['none']
    assert none.dtype == object and none.shape == () and none[()] is None


def test_keys_of_models_and_optimizers():
    model = L.Classifier(_linear_chain())
    assert sorted(npz.serialize(model)) == [
        'predictor/l1/W', 'predictor/l1/b', 'predictor/l2/W',
        'predictor/l2/b']
    opt = optimizers.MomentumSGD().setup(model)
    model.cleargrads()
    opt.update()
    assert sorted(npz.serialize(opt)) == [
        'epoch', 'predictor/l1/W/t', 'predictor/l1/W/v', 'predictor/l1/b/t',
        'predictor/l1/b/v', 'predictor/l2/W/t', 'predictor/l2/W/v',
        'predictor/l2/b/t', 'predictor/l2/b/v', 't']


# Round trips -----------------------------------------------------------------

@hypothesis.given(tree=_trees, compression=st.booleans())
def test_round_trip_through_a_file(tree, compression, tmp_path_factory):
    path = str(tmp_path_factory.mktemp('npz') / 'tree.npz')
    npz.save_npz(path, tree, compression=compression)
    loaded = tree.blank()
    npz.load_npz(path, loaded)
    expected, actual = tree.flat(), loaded.flat()
    assert sorted(actual) == sorted(expected)
    for key, value in expected.items():
        if isinstance(value, numpy.ndarray):
            assert actual[key].dtype == value.dtype
            numpy.testing.assert_array_equal(actual[key], value)
        else:
            assert actual[key] == value and type(actual[key]) is type(value)

    # Readable by NumPy (and so by Chainer, which uses allow_pickle=True).
    with numpy.load(path, allow_pickle=True) as f:
        assert sorted(f.files) == sorted(expected)
        for key, value in expected.items():
            numpy.testing.assert_array_equal(
                f[key], numpy.asarray(value))


def test_round_trip_of_chainer_style_savez_file(tmp_path):
    # The layout Chainer writes: numpy.savez_compressed of the dictionary,
    # with a pickled None for an uninitialized parameter.
    source = _linear_chain(1)
    target = dict(npz.serialize(source), extra=None)
    path = str(tmp_path / 'chainer.npz')
    with open(path, 'wb') as f:
        numpy.savez_compressed(f, **target)
    model = _linear_chain(2)
    npz.load_npz(path, model)
    _assert_arrays(model, _arrays_of(source))


def test_uninitialized_parameter_round_trip(tmp_path):
    path = str(tmp_path / 'lazy.npz')
    lazy = L.Linear(None, 2)
    npz.save_npz(path, lazy)
    with numpy.load(path, allow_pickle=True) as f:
        assert f['W'][()] is None
    fresh = L.Linear(None, 2)
    npz.load_npz(path, fresh)
    assert fresh.W.array is None

    trained = L.Linear(3, 2)
    npz.save_npz(path, trained)
    npz.load_npz(path, fresh)  # initializes W with the stored shape
    numpy.testing.assert_array_equal(fresh.W.array, trained.W.array)


def test_file_objects_and_path_objects(tmp_path):
    source = _linear_chain(1)
    buf = io.BytesIO()
    buf.write(b'prefix')
    npz.save_npz(buf, source, compression=False)
    buf.seek(len(b'prefix'))
    model = _linear_chain(2)
    npz.load_npz(buf, model)
    _assert_arrays(model, _arrays_of(source))

    path = tmp_path / 'model'  # no .npz suffix is added
    npz.save_npz(path, source)
    assert path.exists()
    model = _linear_chain(3)
    npz.load_npz(path, model)
    _assert_arrays(model, _arrays_of(source))


def test_keys_that_are_numpy_savez_keywords(tmp_path):
    path = str(tmp_path / 'kw.npz')
    data = {'file': numpy.arange(3), 'allow_pickle': numpy.ones(2)}
    npz.save_npz(path, data)
    loaded = Tree({'file': numpy.zeros(3, numpy.int64),
                   'allow_pickle': numpy.zeros(2)}, {})
    npz.load_npz(path, loaded)
    numpy.testing.assert_array_equal(loaded.values['file'], [0, 1, 2])


def test_optimizer_state_round_trip(tmp_path):
    model = _linear_chain()
    opt = optimizers.Adam().setup(model)
    model.cleargrads()
    opt.update()
    path = str(tmp_path / 'opt.npz')
    npz.save_npz(path, opt)
    opt2 = optimizers.Adam().setup(_linear_chain())
    npz.load_npz(path, opt2)
    assert opt2.t == 1
    assert sorted(opt2.target.l1.W.update_rule.state) == ['m', 'v']


# Loading options -------------------------------------------------------------

def _saved(tmp_path, obj, name='saved.npz'):
    path = str(tmp_path / name)
    npz.save_npz(path, obj)
    return path


def test_path_selects_a_subtree(tmp_path):
    source = L.Classifier(_linear_chain(1))
    path = _saved(tmp_path, source)
    model = _linear_chain(2)
    npz.load_npz(path, model, path='predictor/')
    _assert_arrays(model, _arrays_of(source.predictor))


def test_strict_missing_key_names_the_key_and_changes_nothing(tmp_path):
    small = chainer.Chain()
    with small.init_scope():
        small.l1 = L.Linear(3, 2)
    path = _saved(tmp_path, small)
    model = _linear_chain(5)
    before = _arrays_of(model)
    with pytest.raises(KeyError) as e:
        npz.load_npz(path, model)
    # Link keeps its parameter names in a set, as Chainer does: either of
    # l2's parameters may be the first one looked up.
    assert e.value.args[0] in ('l2/W is not a file in the archive',
                               'l2/b is not a file in the archive')
    _assert_arrays(model, before)  # l1 was not overwritten either

    npz.load_npz(path, model, strict=False)
    numpy.testing.assert_array_equal(model.l1.W.array, small.l1.W.array)
    numpy.testing.assert_array_equal(model.l2.W.array, before['/l2/W'])


def test_shape_mismatch_and_unsafe_cast_change_nothing(tmp_path):
    source = _linear_chain(1)
    data = npz.serialize(source)
    data['l2/W'] = numpy.zeros((3, 3), numpy.float32)
    path = _saved(tmp_path, data, 'shape.npz')
    model = _linear_chain(2)
    before = _arrays_of(model)
    with pytest.raises(ValueError, match='l2/W'):
        npz.load_npz(path, model)
    _assert_arrays(model, before)

    data['l2/W'] = numpy.zeros((4, 2), numpy.complex64)
    path = _saved(tmp_path, data, 'cast.npz')
    with pytest.raises(TypeError, match='same_kind'):
        npz.load_npz(path, model)
    _assert_arrays(model, before)


@pytest.mark.parametrize('ignore_names', [
    'l1/W', ['l1/W'], lambda key: key == 'l1/W', [lambda key: key == 'l1/W'],
    ['x', lambda key: key == 'l1/W']])
def test_ignore_names(tmp_path, ignore_names):
    source = _linear_chain(1)
    path = _saved(tmp_path, source)
    model = _linear_chain(2)
    before = model.l1.W.array.copy()
    npz.load_npz(path, model, ignore_names=ignore_names)
    numpy.testing.assert_array_equal(model.l1.W.array, before)
    numpy.testing.assert_array_equal(model.l1.b.array, source.l1.b.array)
    numpy.testing.assert_array_equal(model.l2.W.array, source.l2.W.array)


def test_invalid_ignore_names(tmp_path):
    path = _saved(tmp_path, _linear_chain())
    with pytest.raises(ValueError, match='ignore_names needs to be'):
        npz.load_npz(path, _linear_chain(), ignore_names=[1])


def test_deserializer_on_a_numpy_npzfile_writes_immediately(tmp_path):
    path = str(tmp_path / 'plain.npz')
    data = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    with open(path, 'wb') as f:
        numpy.savez(f, y=data, z=numpy.asarray(10),
                    zf=numpy.float32(-2 ** 60), zi=numpy.int64(-2 ** 60))
    with numpy.load(path) as f:
        d = npz.NpzDeserializer(f)
        y = numpy.empty((2, 3), numpy.float16)
        assert d('/y', y) is y
        numpy.testing.assert_array_equal(y, data)
        numpy.testing.assert_array_equal(d('y', None), data)
        assert d('z', 5) == 10
        assert d('zi', 5) == -2 ** 60
        with pytest.raises(TypeError, match='Cannot safely deserialize'):
            d('zf', 5)
        with pytest.raises(TypeError, match='Cannot safely deserialize'):
            d('zi', numpy.uint32(5))
        assert d['/x/'].path == 'x/'
        assert npz.NpzDeserializer(f, strict=False)('missing', y) is y


# Safety --------------------------------------------------------------------

@hypothesis.settings(max_examples=20)
@hypothesis.given(data=st.data())
def test_truncated_file_is_refused_and_target_unchanged(
        data, tmp_path_factory):
    directory = tmp_path_factory.mktemp('trunc')
    path = str(directory / 'model.npz')
    npz.save_npz(path, _linear_chain(1),
                 compression=data.draw(st.booleans()))
    raw = pathlib.Path(path).read_bytes()
    cut = data.draw(st.integers(0, len(raw) - 1))
    pathlib.Path(path).write_bytes(raw[:cut])
    model = _linear_chain(2)
    before = _arrays_of(model)
    with pytest.raises(ValueError, match='cannot load NPZ file'):
        npz.load_npz(path, model)
    _assert_arrays(model, before)


@hypothesis.settings(max_examples=20)
@hypothesis.given(data=st.data())
def test_corrupt_member_data_is_refused(data, tmp_path_factory):
    path = str(tmp_path_factory.mktemp('corrupt') / 'model.npz')
    compression = data.draw(st.booleans())
    npz.save_npz(path, _linear_chain(1), compression=compression)
    raw = bytearray(pathlib.Path(path).read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo('l2/W.npy')
        # Local header: 30 bytes + name + extra field, then the data.
        start = info.header_offset + 30 + len(info.filename.encode())
        extra = int.from_bytes(raw[start - len(info.filename) - 2:
                                   start - len(info.filename)], 'little')
        start += extra
    pos = data.draw(st.integers(start, start + info.compress_size - 1))
    raw[pos] ^= data.draw(st.integers(1, 255))
    pathlib.Path(path).write_bytes(bytes(raw))
    model = _linear_chain(2)
    before = _arrays_of(model)
    try:
        npz.load_npz(path, model)
    except ValueError as e:
        assert 'l2/W' in str(e)
        _assert_arrays(model, before)
    else:
        # A few bits of a deflate stream do not affect the data (the
        # final-block flag, padding after the end code): the CRC matches.
        _assert_arrays(model, _arrays_of(_linear_chain(1)))


class _WritesAFile(object):
    # Unpickling this object would create the file.
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.path),))


@pytest.mark.parametrize('make', [
    lambda obj: numpy.array(obj, dtype=object),          # 0-d
    lambda obj: numpy.array([obj, None], dtype=object),  # 1-d
])
def test_pickled_objects_are_refused_without_running_them(tmp_path, make):
    marker = tmp_path / 'pwned'
    path = str(tmp_path / 'evil.npz')
    with open(path, 'wb') as f:
        numpy.savez(f, W=make(_WritesAFile(str(marker))), b=numpy.zeros(2))
    assert not marker.exists()
    target = Tree({'W': numpy.zeros(3), 'b': numpy.ones(2)}, {})
    with pytest.raises(ValueError, match='pickled Python objects'):
        npz.load_npz(path, target)
    assert not marker.exists()
    numpy.testing.assert_array_equal(target.values['b'], [1, 1])
    # The premise: unpickling for real would have written the file.
    with numpy.load(path, allow_pickle=True) as f:
        f['W']
    assert marker.exists()


def test_npy_file_and_garbage_are_refused(tmp_path):
    path = str(tmp_path / 'single.npy')
    numpy.save(path, numpy.zeros(3))
    with pytest.raises(ValueError, match='single-array .npy file'):
        npz.load_npz(path, Tree({}, {}))
    path = tmp_path / 'garbage.npz'
    path.write_bytes(b'\x80\x04K\x01.')  # a pickle, not a zip archive
    with pytest.raises(ValueError, match='not a zip archive'):
        npz.load_npz(str(path), Tree({}, {}))


# Atomic saving ---------------------------------------------------------------

class _FailsMidway(object):
    def serialize(self, serializer):
        serializer('a', numpy.zeros(3))
        raise RuntimeError('boom')


class _BadArray(object):
    # Fails while the archive is being written (not while serializing).
    def serialize(self, serializer):
        serializer('a', numpy.zeros(3))
        serializer.target['b'] = _Unwritable()


class _Unwritable(object):
    def __array__(self, dtype=None, copy=None):
        raise RuntimeError('cannot convert')


@pytest.mark.parametrize('obj', [_FailsMidway(), _BadArray()])
def test_failed_save_keeps_the_previous_file(tmp_path, obj):
    path = str(tmp_path / 'snapshot.npz')
    source = _linear_chain(1)
    npz.save_npz(path, source)
    previous = pathlib.Path(path).read_bytes()
    with pytest.raises(RuntimeError):
        npz.save_npz(path, obj)
    assert pathlib.Path(path).read_bytes() == previous
    assert os.listdir(str(tmp_path)) == ['snapshot.npz']  # no temp files


def test_saved_file_respects_umask(tmp_path):
    old = os.umask(0o027)
    try:
        path = str(tmp_path / 'perm.npz')
        npz.save_npz(path, _linear_chain())
    finally:
        os.umask(old)
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert os.listdir(str(tmp_path)) == ['perm.npz']


@pytest.mark.gpu
def test_gpu_round_trip(tmp_path):
    import cupy
    source = _linear_chain(1)
    source.to_gpu()
    opt = optimizers.Adam().setup(source)
    source.cleargrads()
    opt.update()
    model_path = _saved(tmp_path, source, 'model.npz')
    opt_path = _saved(tmp_path, opt, 'opt.npz')

    model = _linear_chain(2)
    model.to_gpu()
    opt2 = optimizers.Adam().setup(model)
    npz.load_npz(model_path, model)
    npz.load_npz(opt_path, opt2)
    for (name, p), p2 in zip(source.namedparams(), model.params()):
        assert isinstance(p2.array, cupy.ndarray)
        numpy.testing.assert_array_equal(cupy.asnumpy(p2.array),
                                         cupy.asnumpy(p.array))
    model.cleargrads()
    opt2.update()  # the loaded NumPy state moves to the GPU
    assert isinstance(model.l1.W.update_rule.state['m'], cupy.ndarray)


def test_save_through_a_symlink_replaces_its_target(tmp_path):
    real = tmp_path / 'real.npz'
    link = tmp_path / 'latest.npz'
    npz.save_npz(str(real), {'a': numpy.zeros(1)})
    link.symlink_to(real)
    npz.save_npz(str(link), {'a': numpy.ones(1)})
    assert link.is_symlink()
    with numpy.load(str(real)) as f:
        numpy.testing.assert_array_equal(f['a'], [1])
