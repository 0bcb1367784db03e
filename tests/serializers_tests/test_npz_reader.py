"""The pickle-free NPZ reader: array layouts, Chainer's pickled None, and
refusal of every other pickle."""
import io
import os
import pickle
import pickletools
import zipfile

import hypothesis
import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy
import pytest

from chainer_lite.serializers import _npz_reader


def _npz_bytes(**arrays):
    buf = io.BytesIO()
    numpy.savez(buf, **arrays)
    return buf.getvalue()


def _read(raw):
    return _npz_reader.read_npz(io.BytesIO(raw))


@hypothesis.given(array=hnp.arrays(
    st.sampled_from(['<f2', '>f4', '<f8', '>i8', '|u1', '|b1', '<c16',
                     '<U3', '|S2']),
    hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=3)),
    fortran=st.booleans())
def test_arrays_read_like_numpy_load(array, fortran):
    if fortran:
        array = numpy.asfortranarray(array)
    loaded = _read(_npz_bytes(a=array))['a']
    assert loaded.dtype == array.dtype and loaded.shape == array.shape
    numpy.testing.assert_array_equal(loaded, array)
    assert loaded.flags.writeable


def test_structured_dtype():
    array = numpy.zeros(2, dtype=[('x', '<i4'), ('y', '<f8')])
    array['y'] = [1.5, 2.5]
    loaded = _read(_npz_bytes(s=array))['s']
    assert loaded.dtype == array.dtype
    numpy.testing.assert_array_equal(loaded, array)


def _pickled_none(protocol, module=None):
    payload = pickle.dumps(numpy.asarray(None), protocol=protocol)
    if module is not None:
        # The module name NumPy 1.x writes (text form of GLOBAL, protocols
        # 0-3, so that no length prefix changes).
        payload = payload.replace(b'numpy._core.multiarray',
                                  module.encode())
    return payload


@pytest.mark.parametrize('protocol, module', [
    (p, None) for p in range(6)] + [
    (p, 'numpy.core.multiarray') for p in range(4)])
def test_pickled_none_is_recognised(protocol, module):
    payload = _pickled_none(protocol, module)
    if module is not None:
        assert b'numpy.core.multiarray' in payload
    assert _npz_reader._is_pickled_none_array(payload)


def test_pickled_none_in_an_archive():
    loaded = _read(_npz_bytes(w=None, x=numpy.ones(2)))
    none = loaded['w']
    assert none.dtype == object and none.shape == () and none[()] is None


def _boxed(obj):
    box = numpy.empty((), dtype=object)
    box[()] = obj
    return box


@pytest.mark.parametrize('value', [
    numpy.asarray(1, dtype=object),
    numpy.asarray('x', dtype=object),
    numpy.array([None, None], dtype=object),
    _boxed(numpy.asarray(None)),
])
def test_other_object_arrays_are_not_none(value):
    assert not _npz_reader._is_pickled_none_array(pickle.dumps(value))
    with pytest.raises(ValueError, match='pickled Python objects'):
        _read(_npz_bytes(x=value))


class _Evil(object):
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def test_refusal_never_runs_the_payload(tmp_path):
    marker = str(tmp_path / 'made_by_pickle')
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        for obj in (_Evil(marker), [None, _Evil(marker)],
                    numpy.array(_Evil(marker), dtype=object)):
            payload = pickle.dumps(obj, protocol=protocol)
            assert not _npz_reader._is_pickled_none_array(payload)
    assert not os.path.exists(marker)


def test_truncated_pickle_is_not_none():
    payload = _pickled_none(4)
    for cut in range(len(payload)):
        assert not _npz_reader._is_pickled_none_array(payload[:cut])


@hypothesis.given(payload=st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(payload):
    assert _npz_reader._is_pickled_none_array(payload) in (True, False)


@hypothesis.given(data=st.data())
def test_mutated_none_pickle_never_raises(data):
    payload = bytearray(_pickled_none(data.draw(st.integers(2, 5))))
    pos = data.draw(st.integers(0, len(payload) - 1))
    payload[pos] = data.draw(st.integers(0, 255))
    result = _npz_reader._is_pickled_none_array(bytes(payload))
    assert result in (True, False)


def test_opcodes_outside_the_subset_are_refused():
    # A dict (SETITEMS) is valid pickle but never part of the None array.
    payload = pickle.dumps({'a': None}, protocol=2)
    assert any(op.name == 'EMPTY_DICT'
               for op, _, _ in pickletools.genops(payload))
    assert not _npz_reader._is_pickled_none_array(payload)


def test_arrays_mapping():
    arrays = _read(_npz_bytes(a=numpy.arange(3)))
    assert 'a' in arrays and 'b' not in arrays
    assert arrays.files == ['a'] and list(arrays) == ['a'] and len(arrays) == 1
    first, second = arrays['a'], arrays['a']
    assert first is not second  # never shared between two consumers
    numpy.testing.assert_array_equal(first, second)
    with pytest.raises(KeyError) as e:
        arrays['b']
    assert e.value.args[0] == 'b is not a file in the archive'


def test_member_without_npy_suffix_is_ignored():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        z.writestr('notes.txt', b'hello')
    assert len(_read(buf.getvalue())) == 0


def test_text_file_object_is_refused():
    with pytest.raises(TypeError, match='binary mode'):
        _npz_reader.read_npz(io.StringIO('abc'))


@pytest.mark.parametrize('mutate', [
    lambda npy: npy.replace(b"'descr'", b"'dXscr'"),
    lambda npy: npy.replace(b'<i8', b'<zz'),
    lambda npy: b'\x93NUMPX' + npy[6:],
    lambda npy: npy[:-1],  # one byte of data missing
])
def test_bad_npy_member_is_refused(mutate):
    # Valid zip (good CRC) around a bad .npy member.
    npy = io.BytesIO()
    numpy.save(npy, numpy.arange(3, dtype='<i8'))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        z.writestr('a.npy', mutate(npy.getvalue()))
    with pytest.raises(ValueError, match="array 'a'"):
        _read(buf.getvalue())
