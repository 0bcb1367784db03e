import hypothesis
from hypothesis import strategies as st
import numpy
import pytest

from chainer_lite import dataset
from chainer_lite.dataset import tabular


class _Table(dataset.TabularDataset):
    """Columns of a 2-d array; records the requests it receives."""

    def __init__(self, data, keys, mode=tuple, as_list=False):
        self.data = data
        self._keys = keys
        self._mode = mode
        self._as_list = as_list
        self.requests = []

    def __len__(self):
        return self.data.shape[1]

    @property
    def keys(self):
        return self._keys

    @property
    def mode(self):
        return self._mode

    def get_examples(self, indices, key_indices):
        self.requests.append((indices, key_indices))
        data = self.data
        if indices is not None:
            data = data[:, indices]
        if key_indices is not None:
            data = data[list(key_indices)]
        if self._as_list:
            return tuple(list(row) for row in data)
        return tuple(data)


def _table(length, keys=('a', 'b', 'c'), offset=0, **kwargs):
    data = numpy.arange(len(keys) * length).reshape(len(keys), length)
    return _Table(data + offset, keys, **kwargs)


_slices = st.builds(
    slice, st.one_of(st.none(), st.integers(-12, 12)),
    st.one_of(st.none(), st.integers(-12, 12)),
    st.one_of(st.none(), st.sampled_from([1, 2, 3, -1, -2, -3])))


def _columns_equal(out, expected):
    assert len(out) == len(expected)
    for column, ref in zip(out, expected):
        numpy.testing.assert_array_equal(numpy.asarray(column), ref)


@hypothesis.given(st.integers(0, 8), _slices, st.data())
def test_slice_rows_and_keys(length, rows, data):
    table = _table(length)
    keys = data.draw(st.one_of(
        st.none(), st.sampled_from(['a', 'c', 1, -1]),
        st.lists(st.sampled_from(['a', 'b', 'c', 0, 2, -2]),
                 max_size=3).map(tuple)))
    view = table.slice[rows] if keys is None else table.slice[rows, keys]

    key_list = None if keys is None else (
        keys if isinstance(keys, tuple) else (keys,))
    key_indices = [0, 1, 2] if key_list is None else [
        {'a': 0, 'b': 1, 'c': 2}.get(k, k) % 3 for k in key_list]
    expected = table.data[key_indices][:, rows]

    assert len(view) == expected.shape[1]
    assert view.keys == tuple(table.keys[i] for i in key_indices)
    if keys is None:
        assert view.mode is tuple
    elif isinstance(keys, tuple):
        assert view.mode is tuple
    else:
        assert view.mode is None
    _columns_equal(view.get_examples(None, None), expected)

    # A slice of a slice composes.
    inner = data.draw(_slices)
    _columns_equal(view.slice[inner].get_examples(None, None),
                   expected[:, inner])
    if expected.shape[1]:
        picks = data.draw(st.lists(
            st.integers(0, expected.shape[1] - 1), max_size=4))
        _columns_equal(view.get_examples(picks, None), expected[:, picks])


def test_slice_with_mask_and_errors():
    table = _table(4)
    view = table.slice[[True, False, True, False]]
    _columns_equal(view.fetch(), table.data[:, [0, 2]])
    with pytest.raises(ValueError, match='number of booleans'):
        table.slice[[True, False]]
    with pytest.raises(IndexError, match='out of bounds'):
        table.slice[[4]]
    with pytest.raises(KeyError):
        table.slice[:, 'z']
    with pytest.raises(IndexError):
        table.slice[:, 3]


@hypothesis.given(st.integers(0, 6), st.integers(0, 6), _slices, st.data())
def test_concat(len_a, len_b, rows, data):
    a = _table(len_a)
    b = _table(len_b, offset=100)
    view = a.concat(b)
    whole = numpy.hstack((a.data, b.data))
    assert len(view) == len_a + len_b
    assert view.keys == a.keys and view.mode is tuple
    _columns_equal(view.get_examples(None, None), whole)
    _columns_equal(view.get_examples(rows, None), whole[:, rows])
    if len(view):
        picks = data.draw(st.lists(st.integers(0, len(view) - 1),
                                   max_size=6))
        _columns_equal(view.get_examples(picks, (2, 0)),
                       whole[[2, 0]][:, picks])


def test_concat_passes_slices_to_sub_datasets():
    a = _table(10)
    b = _table(5)
    a.concat(b).get_examples(slice(13, 6, -2), None)
    assert a.requests == [(slice(9, 6, -2), None)]
    assert b.requests == [(slice(3, None, -2), None)]


def test_concat_requires_same_keys():
    with pytest.raises(ValueError, match='same keys'):
        _table(2).concat(_table(2, keys=('b', 'a', 'c')))


@hypothesis.given(st.integers(0, 6), st.data())
def test_join(length, data):
    a = _table(length)
    b = _table(length, keys=('d', 'e'), offset=50)
    view = a.join(b)
    assert view.keys == ('a', 'b', 'c', 'd', 'e')
    whole = numpy.vstack((a.data, b.data))
    _columns_equal(view.fetch(), whole)
    key_indices = tuple(data.draw(st.lists(st.integers(0, 4), max_size=5)))
    _columns_equal(view.get_examples(None, key_indices),
                   whole[list(key_indices)])


def test_join_errors_and_mode():
    with pytest.raises(ValueError, match='same length'):
        _table(2).join(_table(3, keys=('d',)))
    with pytest.raises(ValueError, match='unique'):
        _table(2).join(_table(2, keys=('a',)))
    single = tabular.from_data(('x', [1, 2]))
    assert single.join(_table(2, keys=('d',), mode=dict)).mode is dict
    assert single.join(tabular.from_data(('y', [3, 4]))).mode is tuple


def test_modes_and_examples():
    table = _table(3)
    assert table[1] == (1, 4, 7)
    assert table.asdict()[1] == {'a': 1, 'b': 4, 'c': 7}
    assert table.asdict().astuple()[2] == (2, 5, 8)
    assert table.slice[:, 'b'][0] == 3
    assert list(table.slice[:2, ('c',)]) == [(6,), (7,)]
    assert table.asdict().fetch()['c'].tolist() == [6, 7, 8]
    assert table[0:2] == [(0, 3, 6), (1, 4, 7)]


def test_convert_and_with_converter():
    table = _table(3, as_list=True)
    converted = table.convert(table.fetch())
    assert all(isinstance(c, numpy.ndarray) for c in converted)
    assert table.asdict().convert(table.asdict().fetch())['a'].tolist() == \
        [0, 1, 2]

    custom = _table(3).with_converter(lambda a, b, c: a + c)
    assert custom.convert(custom.fetch()).tolist() == [6, 8, 10]
    as_dict = table.asdict().with_converter(lambda **kw: sorted(kw))
    assert as_dict.convert(as_dict.fetch()) == ['a', 'b', 'c']
    # Views keep the converter of their base.
    assert custom.slice[:2].convert(custom.slice[:2].fetch()).tolist() == \
        [6, 8]


@pytest.mark.parametrize('in_mode', [tuple, dict])
@pytest.mark.parametrize('batch', [False, True])
def test_transform(in_mode, batch):
    table = _table(4, mode=in_mode)

    def to_tuple(a, b, c):
        return a + b, b * c

    def to_dict(a, b, c):
        return {'s': a + b, 'p': b * c}

    method = table.transform_batch if batch else table.transform
    for func, mode in ((to_tuple, tuple), (to_dict, dict)):
        view = method(('s', 'p'), func)
        assert view.mode is mode
        assert view.keys == ('s', 'p')
        a, b, c = table.data
        _columns_equal(view.get_examples(None, None), [a + b, b * c])
        _columns_equal(view.get_examples([3, 1], (1,)), [(b * c)[[3, 1]]])

    single = method('s', lambda a, b, c: a + b + c)
    assert single.mode is None and single.keys == ('s',)
    assert list(single) == [int(v) for v in table.data.sum(axis=0)]


def test_transform_must_keep_its_return_type():
    table = _table(3)
    flip = table.transform(
        ('x',), lambda a, b, c: (a,) if a == 0 else {'x': a})
    with pytest.raises(ValueError, match='return type'):
        flip.get_examples(None, None)
    shrink = table.transform_batch(('x',), lambda a, b, c: (a[:1],))
    with pytest.raises(ValueError, match='length'):
        shrink.get_examples(None, None)


def test_from_data():
    assert tabular.from_data([5, 6, 7])[1] == 6
    assert tabular.from_data(numpy.arange(3)).mode is None
    ds = tabular.from_data(([1, 2], ('b', numpy.array([3, 4]))))
    assert ds.mode is tuple and ds.keys[1] == 'b'
    assert ds[1] == (2, 4)
    ds = tabular.from_data({'a': [1, 2], 'sq': lambda i: i * i})
    assert ds.mode is dict and ds[1] == {'a': 2, 'sq': 1}
    ds = tabular.from_data((('x', 'y'), lambda i: (i, -i)), size=3)
    assert ds.keys == ('x', 'y') and ds[2] == (2, -2)
    with pytest.raises(ValueError, match='size'):
        tabular.from_data(('f', lambda i: i))
    with pytest.raises(ValueError, match='key'):
        tabular.from_data((lambda i: i, [1]))


def test_delegate_dataset():
    base = _table(3)
    delegate = tabular.DelegateDataset(base)
    assert delegate.dataset is base
    assert len(delegate) == 3 and delegate.keys == base.keys
    assert delegate.mode is tuple and delegate[2] == (2, 5, 8)
