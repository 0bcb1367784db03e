import copy
import threading

import hypothesis
from hypothesis import strategies as st
import numpy
import pytest

from chainer_lite import iterators
from chainer_lite import serializers


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


@hypothesis.settings(max_examples=8)
@hypothesis.given(st.integers(1, 7), st.integers(1, 9), st.booleans(),
                  st.booleans(), st.integers(1, 3))
def test_same_batches_as_serial_iterator(n, batch_size, repeat, shuffle,
                                         n_threads):
    dataset = list(range(n))
    numpy.random.seed(5)
    expected = _take(iterators.SerialIterator(
        dataset, batch_size, repeat=repeat, shuffle=shuffle), 6)
    numpy.random.seed(5)
    with iterators.MultithreadIterator(
            dataset, batch_size, repeat=repeat, shuffle=shuffle,
            n_threads=n_threads) as it:
        assert _take(it, 6) == expected


def test_examples_are_read_in_worker_threads():
    threads = set()

    class Recording(object):
        def __len__(self):
            return 8

        def __getitem__(self, i):
            threads.add(threading.current_thread().name)
            return i

    it = iterators.MultithreadIterator(Recording(), 4, shuffle=False,
                                       n_threads=2)
    assert it.next() == [0, 1, 2, 3]
    it.finalize()
    assert threading.current_thread().name not in threads


def test_serialize_resume_and_keys():
    numpy.random.seed(3)
    it = iterators.MultithreadIterator(list(range(6)), 2)
    first = it.next()
    target = {}
    it.serialize(serializers.DictionarySerializer(target))
    assert sorted(target) == ['_order', 'current_position', 'epoch',
                              'is_new_epoch', 'previous_epoch_detail']
    rest = [it.next(), it.next()]

    resumed = iterators.MultithreadIterator(list(range(6)), 2)
    resumed.serialize(serializers.NpzDeserializer(target))
    assert resumed.epoch_detail == pytest.approx(2 / 6)
    assert resumed.previous_epoch_detail == 0.0
    assert [resumed.next(), resumed.next()] == rest
    assert resumed.is_new_epoch
    assert sorted(first + sum(rest, [])) == list(range(6))
    it.finalize()
    resumed.finalize()


def test_reset_finalize_and_copy():
    it = iterators.MultithreadIterator([1, 2, 3, 4, 5], 2, repeat=False)
    twin = copy.copy(it)
    it.next()
    it.reset()
    assert sorted(sum(list(it), [])) == [1, 2, 3, 4, 5]
    it.finalize()
    it.finalize()
    it.reset()
    assert sorted(sum(list(it), [])) == [1, 2, 3, 4, 5]
    assert sorted(sum(list(twin), [])) == [1, 2, 3, 4, 5]
    it.finalize()
    twin.finalize()


def test_dataset_error_is_raised_by_next():
    class Failing(object):
        def __len__(self):
            return 4

        def __getitem__(self, i):
            if i == 2:
                raise KeyError('bad example')
            return i

    it = iterators.MultithreadIterator(Failing(), 2, shuffle=False)
    assert it.next() == [0, 1]
    with pytest.raises(KeyError, match='bad example'):
        it.next()
    it.finalize()
