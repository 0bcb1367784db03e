import hypothesis
from hypothesis import strategies as st
import numpy
import pytest

from chainer_lite import dataset


class _Values(dataset.DatasetMixin):

    def __init__(self, values):
        self.values = values
        self.calls = 0

    def __len__(self):
        return len(self.values)

    def get_example(self, i):
        self.calls += 1
        return self.values[i]


_index = st.one_of(st.none(), st.integers(-12, 12))


@hypothesis.given(st.lists(st.integers(), max_size=10), _index, _index,
                  st.sampled_from([None, 1, 2, 3, -1, -2]))
def test_slices_match_list_slicing(values, start, stop, step):
    ds = _Values(values)
    assert ds[start:stop:step] == values[start:stop:step]


@hypothesis.given(st.lists(st.integers(), min_size=1, max_size=10), st.data())
def test_integer_and_array_indexing(values, data):
    ds = _Values(values)
    n = len(values)
    indexes = data.draw(st.lists(st.integers(-n, n - 1), max_size=8))
    expected = [values[i] for i in indexes]
    assert ds[indexes] == expected
    assert ds[numpy.array(indexes, dtype=numpy.int64)] == expected
    for i in indexes:
        assert ds[i] == values[i]


def test_each_example_is_read_once_per_index():
    ds = _Values(list(range(5)))
    ds[1:4]
    assert ds.calls == 3


def test_abstract_methods():
    class Empty(dataset.DatasetMixin):
        pass

    with pytest.raises(NotImplementedError):
        len(Empty())
    with pytest.raises(NotImplementedError):
        Empty()[0]
