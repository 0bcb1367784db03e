import io
import multiprocessing
import os
import pickle

import numpy
import pytest

from chainer_lite import datasets


def test_write_then_read_in_any_order(tmp_path):
    path = str(tmp_path / 'data.pkl')
    values = [1, 'two', (3.0, None), numpy.arange(4), {'k': [5]}]
    with datasets.open_pickle_dataset_writer(path) as writer:
        for v in values:
            writer.write(v)
    with datasets.open_pickle_dataset(path) as ds:
        assert len(ds) == len(values)
        for i in [4, 0, 3, 1, 2]:
            if isinstance(values[i], numpy.ndarray):
                numpy.testing.assert_array_equal(ds[i], values[i])
            else:
                assert ds[i] == values[i]
        assert ds[1:3] == ['two', (3.0, None)]


def test_in_memory_and_pickled_dataset():
    buf = io.BytesIO()
    writer = datasets.PickleDatasetWriter(buf, protocol=2)
    writer.write('a')
    writer.write('b')
    writer.flush()
    ds = datasets.PickleDataset(buf)
    copy = pickle.loads(pickle.dumps(ds))
    assert [copy[0], copy[1]] == ['a', 'b']


def test_unseekable_reader_is_rejected():
    class Stream(io.RawIOBase):
        def seekable(self):
            return False

    with pytest.raises(ValueError, match='random access'):
        datasets.PickleDataset(Stream())


def test_docstring_warns_about_untrusted_files():
    for obj in (datasets.PickleDataset, datasets.open_pickle_dataset,
                datasets.PickleDatasetWriter,
                datasets.open_pickle_dataset_writer):
        assert 'trust' in obj.__doc__


def _read_in_child(ds, queue):
    queue.put((ds[1], ds[0]))


@pytest.mark.skipif(not hasattr(os, 'fork'), reason='needs fork')
def test_forked_child_reads_its_own_file(tmp_path):
    # The reader is reopened in the child, so parent and child do not
    # share a file offset.
    path = str(tmp_path / 'data.pkl')
    with datasets.open_pickle_dataset_writer(path) as writer:
        for v in range(3):
            writer.write(v)
    with datasets.open_pickle_dataset(path) as ds:
        parent_fp = ds._reader._fp
        ctx = multiprocessing.get_context('fork')
        queue = ctx.Queue()
        child = ctx.Process(target=_read_in_child, args=(ds, queue))
        child.start()
        assert queue.get(timeout=10) == (1, 0)
        child.join(10)
        assert child.exitcode == 0
        # The parent's own reader is untouched by the child.
        assert ds._reader._fp is parent_fp and not parent_fp.closed
        assert ds[2] == 2
