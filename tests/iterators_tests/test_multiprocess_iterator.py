import copy
import os
import pickle
import time
import warnings

import numpy
import pytest

from chainer_lite import iterators
from chainer_lite import serializers
from chainer_lite.iterators import multiprocess_iterator


def _take(it, k):
    out = []
    for _ in range(k):
        try:
            out.append((it.next(), it.epoch, it.current_position,
                        it.is_new_epoch, it.epoch_detail,
                        it.previous_epoch_detail))
        except StopIteration:
            out.append('stop')
    return out


class _Pids(object):
    # Returns the PID of the process that reads each example.

    def __len__(self):
        return 6

    def __getitem__(self, i):
        return os.getpid()


@pytest.mark.parametrize('shared_mem', [None, 1000])
@pytest.mark.parametrize('repeat, shuffle, batch_size', [
    (True, True, 4), (False, False, 4), (True, False, 7)])
def test_same_batches_as_serial_iterator(shared_mem, repeat, shuffle,
                                         batch_size):
    dataset = list(range(5))
    numpy.random.seed(9)
    expected = _take(iterators.SerialIterator(
        dataset, batch_size, repeat=repeat, shuffle=shuffle), 5)
    numpy.random.seed(9)
    with iterators.MultiprocessIterator(
            dataset, batch_size, repeat=repeat, shuffle=shuffle,
            n_processes=2, n_prefetch=2, shared_mem=shared_mem) as it:
        assert _take(it, 5) == expected


@pytest.mark.parametrize('shared_mem', [None, 64, 4])
def test_arrays_come_back_intact(shared_mem):
    # Arrays travel through shared memory (or are pickled when it is too
    # small); every container type keeps its type.
    dataset = []
    for i in range(2):
        dataset += [
            (numpy.full(3, i, numpy.float32), i),
            [numpy.arange(i + 1), 'x'],
            {'a': numpy.ones((2, 2)) * i, 'b': None},
            numpy.array([i, -i], numpy.int16),
        ]
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', UserWarning)
        it = iterators.MultiprocessIterator(
            dataset, 4, repeat=False, shuffle=False, n_processes=2,
            shared_mem=shared_mem)
        batches = sum(list(it), [])
    it.finalize()
    assert len(batches) == len(dataset)
    for got, want in zip(batches, dataset):
        assert type(got) is type(want)
        if isinstance(want, dict):
            numpy.testing.assert_array_equal(got['a'], want['a'])
            assert got['b'] is None
        elif isinstance(want, numpy.ndarray):
            assert got.dtype == want.dtype
            numpy.testing.assert_array_equal(got, want)
        else:
            numpy.testing.assert_array_equal(got[0], want[0])
            assert got[1] == want[1]


def test_workers_are_other_processes_and_stop_on_finalize():
    it = iterators.MultiprocessIterator(_Pids(), 6, shuffle=False,
                                        n_processes=2, shared_mem=16)
    assert not it._prefetcher.started  # nothing runs before use
    pids = set(it.next())
    assert os.getpid() not in pids
    pool = it._prefetcher._pool
    workers = list(pool._pool)
    it.finalize()
    assert all(not worker.is_alive() for worker in workers)
    it.finalize()  # a second call does nothing
    with pytest.raises(NotImplementedError):
        it.reset()


def test_maxtasksperchild_replaces_workers():
    with iterators.MultiprocessIterator(
            _Pids(), 2, shuffle=False, n_processes=2, shared_mem=16,
            maxtasksperchild=1) as it:
        # Workers retire after every task: the pool is sometimes empty
        # while a batch is dispatched.
        pids = set(sum([it.next() for _ in range(12)], []))
    assert len(pids) > 2


def test_serialize_resume_and_pickle():
    dataset = list(range(6))
    numpy.random.seed(4)
    it = iterators.MultiprocessIterator(dataset, 2, n_processes=2)
    first = it.next()
    target = {}
    it.serialize(serializers.DictionarySerializer(target))
    assert sorted(target) == ['current_position', 'epoch', 'is_new_epoch',
                              'order', 'previous_epoch_detail']
    rest = [it.next(), it.next()]

    resumed = iterators.MultiprocessIterator(dataset, 2, n_processes=2)
    resumed.serialize(serializers.NpzDeserializer(target))
    assert resumed.epoch_detail == pytest.approx(2 / 6)
    assert [resumed.next(), resumed.next()] == rest
    assert sorted(first + sum(rest, [])) == dataset

    # Pickling keeps the position and leaves the original usable.
    numpy.random.seed(4)
    original = iterators.MultiprocessIterator(dataset, 2, n_processes=2,
                                              shuffle=False)
    original.next()
    clone = pickle.loads(pickle.dumps(original))
    assert clone.current_position == 2 and clone.epoch_detail == 2 / 6
    assert clone.previous_epoch_detail == 0.0
    assert clone.next() == original.next() == [2, 3]
    twin = copy.copy(original)
    assert twin.next() == original.next() == [4, 5]
    for iterator in (it, resumed, original, clone, twin):
        iterator.finalize()


def test_reset_drops_prefetched_batches():
    with iterators.MultiprocessIterator(
            list(range(5)), 2, repeat=False, shuffle=False, n_processes=2,
            n_prefetch=3, shared_mem=64) as it:
        for _ in range(3):
            it.next()
            time.sleep(0.05)  # let the loop prefetch ahead
            it.reset()
            assert sum(list(it), []) == [0, 1, 2, 3, 4]
            it.reset()


class _Failing(object):

    def __len__(self):
        return 6

    def __getitem__(self, i):
        if i == 3:
            raise KeyError('example 3 is broken')
        return i


@pytest.mark.parametrize('shared_mem', [None, 16])
def test_dataset_error_is_raised_by_next(shared_mem):
    with iterators.MultiprocessIterator(
            _Failing(), 2, shuffle=False, n_processes=2,
            shared_mem=shared_mem, repeat=False) as it:
        assert it.next() == [0, 1]
        with pytest.raises(KeyError, match='example 3 is broken'):
            it.next()
        # The iteration goes on after the failed batch.
        assert it.next() == [4, 5]


class _Slow(object):

    def __len__(self):
        return 4

    def __getitem__(self, i):
        if i == 2:
            time.sleep(0.5)
        return i


@pytest.mark.parametrize('shared_mem', [None, 16])
def test_stalled_dataset_warns(shared_mem):
    warning = iterators.MultiprocessIterator.TimeoutWarning
    with iterators.MultiprocessIterator(
            _Slow(), 2, shuffle=False, n_processes=2, shared_mem=shared_mem,
            dataset_timeout=0.1, repeat=False) as it:
        assert it.next() == [0, 1]
        with pytest.warns(warning, match='Stalled dataset'):
            assert it.next() == [2, 3]


def test_invalid_order_sampler():
    def shrinking(order, position):
        return order[:-1]

    with pytest.raises(ValueError, match='size of order'):
        with iterators.MultiprocessIterator(
                list(range(4)), 4, order_sampler=shrinking,
                n_processes=2) as it:
            it.next()


def test_shared_memory_packing_round_trip():
    mem = multiprocess_iterator.sharedctypes.RawArray('b', 64)
    data = (numpy.arange(4, dtype=numpy.int32), 'label',
            numpy.ones(10, numpy.float64))
    with pytest.warns(UserWarning, match='Shared memory size is too small'):
        packed = multiprocess_iterator._to_shared(data, mem, 0, 64)
    # The first array fits; the second (80 bytes) is left to pickling.
    assert isinstance(packed[0], multiprocess_iterator._SharedArrayRef)
    assert isinstance(packed[2], numpy.ndarray)
    unpacked = multiprocess_iterator._from_shared(pickle.loads(
        pickle.dumps(packed)), mem)
    numpy.testing.assert_array_equal(unpacked[0], data[0])
    assert unpacked[1] == 'label'
    assert multiprocess_iterator._array_bytes(data) == 16 + 80
    assert multiprocess_iterator._array_bytes({'a': data[0]}) == 16
    assert multiprocess_iterator._array_bytes(3) == 0
