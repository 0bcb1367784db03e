"""MultithreadIterator: loads the examples of a batch with worker threads."""
from multiprocessing import pool

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
        # The pending prefetch (an AsyncResult) and the state after it.
        self._next = None

    def finalize(self):
        """Stops the worker threads."""
        thread_pool = self._pool
        self._next = None
        self._pool = None
        if thread_pool is not None:
            thread_pool.terminate()

    def __next__(self):
        if self._next is None:
            self._invoke_prefetch()
        batch = self._get()
        self._invoke_prefetch()
        return batch

    next = __next__

    def serialize(self, serializer):
        """Saves or restores the position (keys ``current_position``,
        ``epoch``, ``is_new_epoch``, ``_order``, ``previous_epoch_detail``).
        """
        current_position = serializer(
            'current_position', self.current_position)
        epoch = serializer('epoch', self.epoch)
        is_new_epoch = serializer('is_new_epoch', self.is_new_epoch)
        order = serializer('_order', self._state.order)
        self._state = _statemachine.IteratorState(
            current_position, epoch, is_new_epoch, order)
        self._previous_epoch_detail = serializer(
            'previous_epoch_detail', self._previous_epoch_detail)
        # Old snapshots stored None.
        if self._previous_epoch_detail is None:
            self._previous_epoch_detail = -1.
        # A prefetched batch belongs to the state before the restore.
        self._next = None

    @staticmethod
    def _read(args):
        dataset, index = args
        return dataset[index]

    def _invoke_prefetch(self):
        assert self._next is None
        self._next_state, indices = _statemachine.iterator_statemachine(
            self._state, self.batch_size, self.repeat, self.order_sampler,
            len(self.dataset))
        if indices is None:
            return
        if self._pool is None:
            self._pool = pool.ThreadPool(self.n_threads)
        args = [(self.dataset, index) for index in indices]
        self._next = self._pool.map_async(MultithreadIterator._read, args)

    def _get(self):
        self._previous_epoch_detail = self.epoch_detail
        self._state = self._next_state

        pending = self._next
        if pending is None:
            raise StopIteration
        self._next = None
        return list(pending.get())

    @property
    def repeat(self):
        return self._repeat
