"""MultithreadIterator: loads the examples of a batch with worker threads."""
import functools
from multiprocessing import pool
import operator

from chainer_lite.dataset import iterator
from chainer_lite.iterators import _statemachine


class MultithreadIterator(_statemachine.EpochBookkeeping, iterator.Iterator):
    """Dataset iterator that loads examples with a pool of threads.

    The examples of a batch are fetched in parallel by worker threads, and
    the next batch is prefetched while the current one is used. Useful when
    ``dataset[i]`` waits on I/O or releases the GIL.

    Snapshots store ``-1`` for a missing ``previous_epoch_detail``, since
    some serializers cannot store ``None``.

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples in a batch.
        repeat (bool): Loop over the dataset forever; otherwise stop at the
            end of the first epoch.
        shuffle (bool): Shuffle the order every epoch; ``None`` uses
            ``order_sampler`` if given, else shuffles.
        n_threads (int): Number of worker threads.
        order_sampler (callable): Gives the order of each epoch (see
            :class:`~chainer.iterators.SerialIterator`).

    Example:

        >>> from chainer import iterators
        >>> with iterators.MultithreadIterator(
        ...         list(range(5)), 2, repeat=False, shuffle=False,
        ...         n_threads=2) as it:
        ...     [batch for batch in it]
        [[0, 1], [2, 3], [4]]
    """

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_threads=1, order_sampler=None):
        self.dataset = dataset
        self.batch_size = batch_size
        self._repeat = repeat
        self._shuffle = shuffle
        self.order_sampler = _statemachine.resolve_order_sampler(
            shuffle, order_sampler)
        self.n_threads = n_threads
        self._pool = None
        self.reset()

    def reset(self):
        """Rewinds the iterator to the start of the first epoch."""
        self._state = _statemachine.IteratorState(
            0, 0, False, self._initial_order())
        self._previous_epoch_detail = -1.
        self._drop_prefetch()

    def _drop_prefetch(self):
        # The pending batch (an AsyncResult, or None) and the position after
        # it.
        self._pending = None
        self._state_after = None

    def finalize(self):
        """Stops the worker threads."""
        workers, self._pool = self._pool, None
        self._drop_prefetch()
        if workers is not None:
            workers.terminate()

    def __next__(self):
        if self._pending is None:
            self._prefetch()
        self._previous_epoch_detail = self.epoch_detail
        self._state = self._state_after
        pending = self._pending
        if pending is None:  # a non-repeating iterator has run out
            raise StopIteration
        self._pending = None
        batch = list(pending.get())
        # The following batch loads while this one is used.
        self._prefetch()
        return batch

    next = __next__

    def serialize(self, serializer):
        """Saves or restores the position (keys ``current_position``,
        ``epoch``, ``is_new_epoch``, ``_order``, ``previous_epoch_detail``).
        """
        fields = self._serialize_position(serializer)
        fields.append(serializer('_order', self._state.order))
        self._state = _statemachine.IteratorState(*fields)
        previous = serializer(
            'previous_epoch_detail', self._previous_epoch_detail)
        # Old snapshots stored None.
        self._previous_epoch_detail = -1. if previous is None else previous
        # A prefetched batch belongs to the state before the restore.
        self._drop_prefetch()

    def _prefetch(self):
        # Starts loading the batch after the current position.
        assert self._pending is None
        self._state_after, indices = _statemachine.iterator_statemachine(
            self._state, self.batch_size, self.repeat,
            self.order_sampler, len(self.dataset))
        if indices is None:
            return
        if self._pool is None:
            self._pool = pool.ThreadPool(self.n_threads)
        load = functools.partial(operator.getitem, self.dataset)
        self._pending = self._pool.map_async(load, indices)

    @property
    def repeat(self):
        return self._repeat
