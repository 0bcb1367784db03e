import numpy
import pytest

from chainer_lite import datasets


def test_examples_are_dicts():
    x, y = numpy.arange(4), numpy.arange(4) * 2
    ds = datasets.DictDataset(x=x, y=y)
    assert len(ds) == 4
    assert ds[1] == {'x': 1, 'y': 2}
    assert ds[1:3] == [{'x': 1, 'y': 2}, {'x': 2, 'y': 4}]
    assert ds[4:] == []
    batch = ds[[0, 3]]
    assert batch['x'].tolist() == [0, 3] and batch['y'].tolist() == [0, 6]


def test_errors():
    with pytest.raises(ValueError, match='no datasets'):
        datasets.DictDataset()
    with pytest.raises(ValueError, match='length conflicts'):
        datasets.DictDataset(a=[1], b=[1, 2])
    with pytest.raises(IndexError):
        datasets.DictDataset(a=[1])[1]
