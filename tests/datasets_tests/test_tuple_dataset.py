import hypothesis
from hypothesis import strategies as st
import numpy
import pytest

from chainer_lite import datasets


@hypothesis.given(st.integers(0, 6), st.integers(1, 3), st.data())
def test_examples_are_zipped(length, n_datasets, data):
    columns = [numpy.random.rand(length, 2) for _ in range(n_datasets)]
    ds = datasets.TupleDataset(*columns)
    assert len(ds) == length
    for i in range(length):
        example = ds[i]
        assert isinstance(example, tuple) and len(example) == n_datasets
        for value, column in zip(example, columns):
            numpy.testing.assert_array_equal(value, column[i])
    start = data.draw(st.integers(-length - 1, length + 1))
    sliced = ds[start:]
    assert len(sliced) == len(columns[0][start:])
    for example, i in zip(sliced, range(len(columns[0]))[start:]):
        numpy.testing.assert_array_equal(example[0], columns[0][i])


def test_fancy_index_gives_tuple_of_batches():
    x, y = numpy.arange(5), numpy.arange(5) * 10
    batch_x, batch_y = datasets.TupleDataset(x, y)[[3, 1]]
    assert batch_x.tolist() == [3, 1] and batch_y.tolist() == [30, 10]


def test_errors():
    with pytest.raises(ValueError, match='no datasets'):
        datasets.TupleDataset()
    with pytest.raises(ValueError, match='index 1 has a wrong length'):
        datasets.TupleDataset([1, 2], [1])
    with pytest.raises(IndexError):
        datasets.TupleDataset([1, 2], [3, 4])[2]
