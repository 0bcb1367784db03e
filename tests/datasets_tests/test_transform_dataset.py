import numpy
import pytest

from chainer_lite import datasets


def test_transform_is_applied_on_access():
    calls = []

    def transform(example):
        calls.append(example)
        x, y = example
        return x * 2, y + 1

    base = datasets.TupleDataset(numpy.arange(3), numpy.arange(3))
    ds = datasets.TransformDataset(base, transform)
    assert len(ds) == 3 and calls == []
    assert ds[2] == (4, 3)
    assert ds[:2] == [(0, 1), (2, 2)]
    assert len(calls) == 3
    with pytest.raises(IndexError):
        ds[3]
