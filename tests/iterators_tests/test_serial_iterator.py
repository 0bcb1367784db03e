import hypothesis
from hypothesis import strategies as st
import numpy
import pytest

from chainer_lite import iterators
from chainer_lite.iterators import _statemachine
from chainer_lite import serializers


def _expected_bookkeeping(n, batch_size, k):
    # Epoch values after k batches of a repeating iterator.
    total = k * batch_size
    previous = None if k == 0 else (total - batch_size) / n
    is_new = k > 0 and total // n > (total - batch_size) // n
    return total // n, total % n, is_new, total / n, previous


def _reference_shuffled_stream(n, batch_size, n_batches, seed):
    # The batches Chainer yields for a shuffled dataset range(n): one
    # numpy.random.permutation per epoch, drawn from the seeded global
    # generator (the first at construction).
    numpy.random.seed(seed)
    order = numpy.random.permutation(n)
    position, batches = 0, []
    for _ in range(n_batches):
        batch = []
        while len(batch) < batch_size:
            take = min(batch_size - len(batch), n - position)
            batch += order[position:position + take].tolist()
            position += take
            if position == n:
                order, position = numpy.random.permutation(n), 0
        batches.append(batch)
    return batches


@hypothesis.given(st.integers(1, 9), st.integers(1, 12), st.integers(0, 8))
def test_repeat_bookkeeping(n, batch_size, n_batches):
    it = iterators.SerialIterator(list(range(n)), batch_size, shuffle=False)
    stream = []
    for k in range(1, n_batches + 1):
        batch = it.next()
        assert len(batch) == batch_size
        stream += batch
        epoch, position, is_new, detail, previous = _expected_bookkeeping(
            n, batch_size, k)
        assert (it.epoch, it.current_position, it.is_new_epoch) == \
            (epoch, position, is_new)
        assert it.epoch_detail == pytest.approx(detail)
        assert it.previous_epoch_detail == pytest.approx(previous)
    assert stream == [i % n for i in range(n_batches * batch_size)]


@hypothesis.given(st.integers(1, 9), st.integers(1, 12), st.booleans())
def test_single_epoch_without_repeat(n, batch_size, shuffle):
    it = iterators.SerialIterator(list(range(n)), batch_size, repeat=False,
                                  shuffle=shuffle)
    assert it.epoch_detail == 0 and it.previous_epoch_detail is None
    seen = []
    for batch in it:
        assert 0 < len(batch) <= batch_size
        seen += batch
    assert sorted(seen) == list(range(n))
    if not shuffle:
        assert seen == list(range(n))
    assert (it.epoch, it.is_new_epoch, it.epoch_detail) == (1, True, 1.0)
    with pytest.raises(StopIteration):
        it.next()
    it.reset()
    assert it.epoch == 0 and it.previous_epoch_detail is None
    assert sorted(sum(list(it), [])) == list(range(n))


@hypothesis.given(st.integers(1, 8), st.integers(1, 10),
                  st.integers(0, 2 ** 31))
def test_shuffle_follows_numpy_global_random_state(n, batch_size, seed):
    n_batches = 6
    expected = _reference_shuffled_stream(n, batch_size, n_batches, seed)
    numpy.random.seed(seed)
    it = iterators.SerialIterator(list(range(n)), batch_size)
    assert [it.next() for _ in range(n_batches)] == expected


def test_shuffle_option_and_samplers():
    with pytest.raises(ValueError, match='order_sampler'):
        iterators.SerialIterator([1], 1, shuffle=True,
                                 order_sampler=iterators.ShuffleOrderSampler())
    assert iterators.SerialIterator([1], 1, shuffle=False).order_sampler \
        is None
    assert isinstance(iterators.SerialIterator([1], 1).order_sampler,
                      iterators.ShuffleOrderSampler)

    sampler = iterators.ShuffleOrderSampler(numpy.random.RandomState(1))
    it = iterators.SerialIterator(list(range(5)), 5, order_sampler=sampler)
    rs = numpy.random.RandomState(1)
    assert it.next() == rs.permutation(5).tolist()
    assert it.next() == rs.permutation(5).tolist()


def test_custom_order_sampler_sets_epoch_size():
    def repeat_each(order, position):
        return numpy.repeat(numpy.arange(3), 2)

    it = iterators.SerialIterator([10, 20, 30], 2, order_sampler=repeat_each)
    batches = [it.next() for _ in range(3)]
    assert sorted(sum(batches, [])) == [10, 10, 20, 20, 30, 30]
    assert it.epoch == 1 and it.epoch_detail == 1.0


def test_order_sampler_must_keep_the_length():
    def shrinking(order, position):
        return order[:-1]

    it = iterators.SerialIterator([1, 2, 3], 3, order_sampler=shrinking)
    with pytest.raises(ValueError, match='size of order'):
        it.next()


def test_statemachine_rejects_empty_repeating_epoch():
    state = _statemachine.IteratorState(0, 0, False, None)
    with pytest.raises(ValueError, match='Epoch size must be positive'):
        _statemachine.iterator_statemachine(state, 1, True, None, 0)
    state, indices = _statemachine.iterator_statemachine(
        state, 2, False, None, 0)
    assert indices.tolist() == [] and state.epoch == 1
    assert _statemachine.iterator_statemachine(
        state, 2, False, None, 0)[1] is None


@hypothesis.given(st.integers(1, 8), st.integers(1, 9), st.integers(0, 10),
                  st.booleans(), st.booleans())
def test_serialize_resume_gives_identical_batches(
        n, batch_size, before, shuffle, repeat):
    dataset = list(range(n))
    numpy.random.seed(0)
    it = iterators.SerialIterator(dataset, batch_size, repeat=repeat,
                                  shuffle=shuffle)
    for _ in range(before):
        try:
            it.next()
        except StopIteration:
            break
    target = {}
    it.serialize(serializers.DictionarySerializer(target))
    rng_state = numpy.random.get_state()
    expected = _take(it, 12)

    resumed = iterators.SerialIterator(dataset, batch_size, repeat=repeat,
                                       shuffle=shuffle)
    resumed.serialize(serializers.NpzDeserializer(target))
    assert resumed.epoch_detail == pytest.approx(it_detail(target, n))
    # The global generator is not part of the snapshot; put it back so that
    # later epochs are shuffled alike.
    numpy.random.set_state(rng_state)
    assert _take(resumed, 12) == expected


def it_detail(target, n):
    return int(target['epoch']) + int(target['current_position']) / n


def _take(it, k):
    out = []
    for _ in range(k):
        try:
            out.append(it.next())
        except StopIteration:
            out.append('stop')
    return out


def test_serialized_keys_and_npz_file(tmp_path):
    numpy.random.seed(1)
    it = iterators.SerialIterator(list(range(6)), 2)
    it.next()
    target = {}
    it.serialize(serializers.DictionarySerializer(target))
    assert sorted(target) == ['current_position', 'epoch', 'is_new_epoch',
                              'order', 'previous_epoch_detail']

    path = str(tmp_path / 'it.npz')
    serializers.save_npz(path, it)
    resumed = iterators.SerialIterator(list(range(6)), 2)
    serializers.load_npz(path, resumed)
    assert resumed.current_position == 2 and resumed.epoch == 0
    assert resumed.previous_epoch_detail == 0.0
    numpy.testing.assert_array_equal(resumed._state.order, it._state.order)
    assert resumed.next() == it.next()


def test_unshuffled_iterator_stores_no_order():
    it = iterators.SerialIterator([1, 2, 3], 2, shuffle=False)
    stored = {}

    def serializer(key, value):
        stored[key] = value
        return value

    it.serialize(serializer)
    assert sorted(stored) == ['current_position', 'epoch', 'is_new_epoch',
                              'previous_epoch_detail']
    assert stored['previous_epoch_detail'] == -1


def test_old_snapshot_format():
    # Older snapshots call the order '_order' and lack previous_epoch_detail.
    numpy.random.seed(2)
    it = iterators.SerialIterator(list(range(6)), 2)
    it.next()
    it.next()
    target = {}
    it.serialize(serializers.DictionarySerializer(target))
    target['_order'] = target.pop('order')
    del target['previous_epoch_detail']

    resumed = iterators.SerialIterator(list(range(6)), 2)
    resumed.serialize(serializers.NpzDeserializer(target))
    assert resumed.epoch_detail == pytest.approx(4 / 6)
    assert resumed.previous_epoch_detail == pytest.approx(2 / 6)
    assert resumed.next() == it.next()

    fresh = {}
    iterators.SerialIterator(list(range(6)), 2).serialize(
        serializers.DictionarySerializer(fresh))
    del fresh['previous_epoch_detail']
    restored = iterators.SerialIterator(list(range(6)), 2)
    restored.serialize(serializers.NpzDeserializer(fresh))
    assert restored.previous_epoch_detail is None
