"""SerialIterator: reads the examples of a batch one by one, in order."""
from chainer_lite.dataset import iterator
from chainer_lite.iterators import _statemachine


class SerialIterator(_statemachine.EpochBookkeeping, iterator.Iterator):
    """Dataset iterator that reads the examples serially.

    Each batch is ``[dataset[i] for i in indices]``, the indices taken in
    index order or in a shuffled order that changes every epoch. Shuffling
    draws from NumPy's global generator by default, so
    ``numpy.random.seed`` fixes the batches.

    ``shuffle`` defaults to ``True`` (through ``shuffle=None`` with no
    ``order_sampler``); turn it off for evaluation, or when the order of the
    examples matters.

    Snapshots store ``-1`` for a missing ``previous_epoch_detail``, since
    some serializers cannot store ``None``.

    Args:
        dataset: Dataset to iterate (supports ``len`` and ``[]``).
        batch_size (int): Number of examples in a batch.
        repeat (bool): Loop over the dataset forever; otherwise stop at the
            end of the first epoch (the last batch may be smaller).
        shuffle (bool): Shuffle the order every epoch (``True``) or keep the
            index order (``False``). ``None``: use ``order_sampler`` if
            given, else shuffle.
        order_sampler (callable): ``order_sampler(current_order,
            current_position)`` returns the order of the next epoch, of the
            same length. Only with ``shuffle=None``.

    Example:

        >>> from chainer import iterators
        >>> it = iterators.SerialIterator([1, 2, 3, 4, 5], 2, repeat=False,
        ...                               shuffle=False)
        >>> [batch for batch in it]
        [[1, 2], [3, 4], [5]]
        >>> it.epoch, it.epoch_detail
        (1, 1.0)
    """

    def __init__(self, dataset, batch_size,
                 repeat=True, shuffle=None, order_sampler=None):
        self.dataset = dataset
        self.batch_size = batch_size
        self._repeat = repeat
        self._shuffle = shuffle
        self.order_sampler = _statemachine.resolve_order_sampler(
            shuffle, order_sampler)
        self.reset()

    def __next__(self):
        self._previous_epoch_detail = self.epoch_detail
        state, indices = _statemachine.iterator_statemachine(
            self._state, self.batch_size, self.repeat,
            self.order_sampler, len(self.dataset))
        self._state = state
        if indices is None:
            raise StopIteration
        return [self.dataset[i] for i in indices]

    next = __next__

    def serialize(self, serializer):
        """Saves or restores the position (keys ``current_position``,
        ``epoch``, ``is_new_epoch``, ``order``, ``previous_epoch_detail``).
        """
        position = self._serialize_position(serializer)
        order = self._state.order
        if order is not None:
            # A deserializer fills the array in place; old snapshots call
            # the key '_order'.
            try:
                serializer('order', order)
            except KeyError:
                serializer('_order', order)
        self._state = _statemachine.IteratorState(*position, order)
        self._previous_epoch_detail = \
            self._serialize_previous_epoch_detail(serializer)

    def reset(self):
        """Rewinds the iterator to the start of the first epoch."""
        self._state = _statemachine.IteratorState(
            0, 0, False, self._initial_order())
        self._previous_epoch_detail = -1.

    @property
    def repeat(self):
        return self._repeat
