"""MultiprocessIterator: loads examples in worker processes, prefetching."""
import collections
import math
import multiprocessing
from multiprocessing import sharedctypes
import signal
import sys
import threading
import time
import warnings

import numpy

from chainer_lite.dataset import iterator
from chainer_lite.iterators import _statemachine

# How often (seconds) blocked waits wake up to notice termination.
_response_time = 0.1


def _raise_timeout_warning():
    warnings.warn(
        'Stalled dataset is detected. '
        'See the documentation of MultiprocessIterator for common causes and '
        'workarounds:\n'
        'https://docs.chainer.org/en/stable/reference/generated/'
        'chainer.iterators.MultiprocessIterator.html',
        MultiprocessIterator.TimeoutWarning)


class MultiprocessIterator(_statemachine.EpochBookkeeping, iterator.Iterator):
    """Dataset iterator that loads examples with worker processes.

    A pool of :mod:`multiprocessing` workers fetches the examples of each
    batch in parallel, while a background thread of this process keeps up to
    ``n_prefetch`` batches ready. The dataset reaches the workers through
    the process start (inherited on ``fork``, pickled otherwise). NumPy
    arrays in the examples come back through shared memory, sized by
    ``shared_mem`` or, when it is ``None``, by measuring the first batch
    (which is then loaded in this process); everything else is pickled.

    Call :meth:`finalize` (or use the iterator as a context manager) to stop
    the workers; it is also called when the iterator is garbage-collected.
    An exception raised by the dataset in a worker is raised again by the
    ``next()`` call that needed the batch.

    If the training loop hangs while OpenCV is used, set
    ``OMP_NUM_THREADS=1``, call ``cv2.setNumThreads(0)``, or use
    :class:`~chainer.iterators.MultithreadIterator`.

    Snapshots store ``-1`` for a missing ``previous_epoch_detail``, since
    some serializers cannot store ``None``.

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples in a batch.
        repeat (bool): Loop over the dataset forever; otherwise stop at the
            end of the first epoch.
        shuffle (bool): Shuffle the order every epoch; ``None`` uses
            ``order_sampler`` if given, else shuffles.
        n_processes (int): Number of worker processes (default: the number
            of CPUs).
        n_prefetch (int): Number of batches prepared ahead.
        shared_mem (int): Bytes of shared memory per example; ``None``
            measures it on the first batch.
        order_sampler (callable): Gives the order of each epoch (see
            :class:`~chainer.iterators.SerialIterator`).
        dataset_timeout (float): Seconds after which waiting for an example
            issues :class:`MultiprocessIterator.TimeoutWarning` (``None``:
            never). ``warnings.simplefilter('error', ...)`` turns it into an
            error.
        maxtasksperchild (int): Tasks a worker completes before it is
            replaced by a fresh process (``None``: workers live as long as
            the iterator).

    Example:

        >>> from chainer import iterators
        >>> with iterators.MultiprocessIterator(
        ...         list(range(6)), 3, repeat=False, shuffle=False,
        ...         n_processes=2) as it:
        ...     [batch for batch in it]
        [[0, 1, 2], [3, 4, 5]]
    """

    class TimeoutWarning(RuntimeWarning):
        """Warning issued when loading an example takes too long."""
        pass

    _interruption_testing = False  # prints the worker PIDs (for tests)
    _finalized = False
    _prefetcher = None
    _queue = None

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_processes=None, n_prefetch=1, shared_mem=None,
                 order_sampler=None, dataset_timeout=30.0,
                 maxtasksperchild=None):
        self.dataset = dataset
        self.batch_size = batch_size
        self.repeat = repeat
        self.shuffle = shuffle
        self.n_processes = n_processes or multiprocessing.cpu_count()
        self.n_prefetch = max(n_prefetch, 1)
        self.shared_mem = shared_mem
        self.dataset_timeout = dataset_timeout
        self._maxtasksperchild = maxtasksperchild
        self.order_sampler = _statemachine.resolve_order_sampler(
            shuffle, order_sampler)
        self._setup_machinery()

    def _setup_machinery(self):
        self._queue = _BatchQueue(self.n_prefetch, self.dataset_timeout)
        self.reset()
        # The workers and the prefetch thread start with the first batch,
        # so that creating an iterator (e.g. before forking) starts nothing.
        self._prefetcher = _Prefetcher(
            self.dataset, self.batch_size, self.repeat, self.order_sampler,
            self._queue, self.n_processes, self._maxtasksperchild,
            self.shared_mem, self._interruption_testing)

    def __next__(self):
        prefetcher = self._prefetcher
        if prefetcher.started:
            batch, state = self._queue.take()
        elif prefetcher.needs_sizing():
            # The first batch is loaded here, to size shared memory.
            batch, state = prefetcher.load_sizing_batch(self.dataset_timeout)
            prefetcher.start()
        else:
            prefetcher.start()
            batch, state = self._queue.take()
        self._previous_epoch_detail = self.epoch_detail
        self._state = state
        if batch is None:
            raise StopIteration
        return batch

    next = __next__

    def finalize(self):
        """Stops the prefetch thread and the worker processes.

        It may be called several times; the iterator cannot be used (nor
        reset) afterwards.
        """
        if self._finalized:
            return
        queue, prefetcher = self._queue, self._prefetcher
        self._queue = self._prefetcher = None
        self._finalized = True
        if queue is not None:
            queue.stop()
        if prefetcher is not None:
            prefetcher.stop()

    def __copy__(self):
        # A new iterator (with its own workers) at the same position.
        # (dataset_timeout and maxtasksperchild are not carried over.)
        options = {name: getattr(self, name) for name in (
            'n_processes', 'n_prefetch', 'shared_mem', 'order_sampler')}
        twin = MultiprocessIterator(
            self.dataset, self.batch_size, self.repeat, **options)
        twin._reset_state(self._state)
        twin._previous_epoch_detail = self._previous_epoch_detail
        return twin

    def serialize(self, serializer):
        """Saves or restores the position (keys ``current_position``,
        ``epoch``, ``is_new_epoch``, ``order``, ``previous_epoch_detail``).
        """
        values = self._serialize_position(serializer)
        # A copy: the prefetch thread may be reading the current order, and
        # a deserializer fills the array in place. Old snapshots call the
        # key '_order'.
        order = self._state.order.copy()
        try:
            serializer('order', order)
        except KeyError:
            serializer('_order', order)
        self._reset_state(_statemachine.IteratorState(*values, order))
        self._previous_epoch_detail = \
            self._serialize_previous_epoch_detail(serializer)

    def reset(self):
        """Rewinds the iterator to the start of the first epoch."""
        self._reset_state(_statemachine.IteratorState(
            0, 0, False, self._initial_order()))
        self._previous_epoch_detail = -1.

    def _reset_state(self, state):
        if self._finalized:
            raise NotImplementedError(
                'Reset of finalized MultiProcessIterator is currently not '
                'supported.')
        self._state = state
        # Batches prefetched from the old position are dropped.
        self._queue.restart(state)

    def __getstate__(self):
        # Pickling keeps the settings and the position, not the workers.
        settings = {name: value for name, value in self.__dict__.items()
                    if name not in ('_queue', '_state', '_prefetcher')}
        order = self._state.order
        if order is not None:
            order = order.copy()
        return {'settings': settings,
                'position': tuple(self._state[:3]) + (order,),
                'previous': self._previous_epoch_detail}

    def __setstate__(self, state):
        self.__dict__.update(state['settings'])
        self._setup_machinery()
        self._reset_state(_statemachine.IteratorState(*state['position']))
        self._previous_epoch_detail = state['previous']


class _FailedBatch(object):
    # What the prefetch thread hands over instead of a batch when fetching
    # failed; the iterator raises the exception in the user's thread.

    def __init__(self, exception):
        self.exception = exception


class _BatchQueue(object):
    # Bounded hand-over of prefetched batches from the prefetch thread to
    # the iterator. The iterator may ask the thread to restart from another
    # position or to stop; either empties the queue and starts a new
    # "generation", and batches produced for an older generation are
    # silently dropped.

    RUNNING = 'running'
    RESTART = 'restart'
    STOPPED = 'stopped'

    def __init__(self, capacity, timeout):
        self.capacity = capacity
        self.timeout = timeout
        self._lock = threading.Lock()
        self._has_items = threading.Condition(self._lock)
        self._has_room = threading.Condition(self._lock)
        self._items = collections.deque()
        self._mode = self.RUNNING
        self._restart_state = None
        self._generation = 0

    @property
    def stopped(self):
        with self._lock:
            return self._mode == self.STOPPED

    def take(self):
        # Iterator side: waits for the next batch, warning once when the
        # dataset seems to be stalled.
        deadline = None
        if self.timeout is not None:
            deadline = time.monotonic() + self.timeout
        with self._lock:
            while not self._items:
                self._has_items.wait(_response_time)
                if deadline is not None and time.monotonic() > deadline:
                    deadline = None
                    _raise_timeout_warning()
            batch, state = self._items.popleft()
            self._has_room.notify()
        if isinstance(batch, _FailedBatch):
            raise batch.exception
        return batch, state

    def restart(self, state):
        # Iterator side.
        self._new_generation(self.RESTART, state)

    def stop(self):
        # Iterator side.
        self._new_generation(self.STOPPED, None)

    def _new_generation(self, mode, state):
        with self._lock:
            self._mode = mode
            if state is not None:
                self._restart_state = state
            self._items.clear()
            self._generation += 1
            self._has_room.notify()

    def poll(self):
        # Thread side: returns (mode, state to restart from or None,
        # generation) and acknowledges a pending restart.
        with self._lock:
            if self._mode != self.RESTART:
                return self._mode, None, self._generation
            self._mode = self.RUNNING
            return self.RESTART, self._restart_state, self._generation

    def offer(self, batch, state, generation):
        # Thread side: blocks while the queue is full, unless the batch
        # became stale meanwhile.
        with self._lock:
            while (generation == self._generation
                   and len(self._items) >= self.capacity):
                self._has_room.wait()
            if generation == self._generation:
                self._items.append((batch, state))
                self._has_items.notify()


class _Prefetcher(object):
    # Owns the worker pool and the thread that keeps the queue filled.

    def __init__(self, dataset, batch_size, repeat, order_sampler, queue,
                 n_processes, maxtasksperchild, slot_bytes, print_pids):
        self.dataset = dataset
        self.batch_size = batch_size
        self.repeat = repeat
        self.order_sampler = order_sampler
        self.queue = queue
        self.n_processes = n_processes
        self.maxtasksperchild = maxtasksperchild
        self.slot_bytes = slot_bytes
        self.print_pids = print_pids
        self.position = None
        self.shared = None
        self._pool = None
        self._thread = None
        self._halt = False
        self._allocate()

    @property
    def started(self):
        return self._thread is not None

    def needs_sizing(self):
        return self.slot_bytes is None

    def _allocate(self):
        # One slot of `slot_bytes` per example of a batch.
        if not self.needs_sizing():
            self.shared = sharedctypes.RawArray(
                'b', self.batch_size * self.slot_bytes)

    def _sync(self):
        # Follows a restart requested by the iterator.
        mode, state, generation = self.queue.poll()
        if state is not None:
            self.position = state
        return mode, generation

    def _next_indices(self):
        self.position, indices = _statemachine.iterator_statemachine(
            self.position, self.batch_size, self.repeat,
            self.order_sampler, len(self.dataset))
        return indices

    def load_sizing_batch(self, timeout):
        # Loads the next batch in this process and sizes the shared memory
        # after its largest example.
        self._sync()
        indices = self._next_indices()
        if indices is None:
            return None, self.position
        batch = _call_watched(
            lambda: [self.dataset[i] for i in indices], timeout)
        self.slot_bytes = max(_array_bytes(example) for example in batch)
        self._allocate()
        return batch, self.position

    def start(self):
        self._pool = multiprocessing.Pool(
            self.n_processes, _worker_init,
            (self.dataset, self.slot_bytes, self.shared),
            self.maxtasksperchild)
        if self.print_pids:
            pids = self._pool.map(_worker_pid, range(self.n_processes))
            print(' '.join(str(pid) for pid in pids))
            sys.stdout.flush()
        self._thread = threading.Thread(
            target=self._loop, name='prefetch_loop', daemon=True)
        self._thread.start()

    def stop(self):
        self._halt = True
        # The thread uses the pool: stop it first.
        thread, pool = self._thread, self._pool
        self._thread = self._pool = None
        if thread is not None:
            while thread.is_alive():
                thread.join(_response_time)
        if pool is not None:
            pool.terminate()
            pool.join()

    def _loop(self):
        pool = self._pool
        try:
            while not self._halt and self._prefetch_one(pool):
                pass
        finally:
            pool.close()

    def _prefetch_one(self, pool):
        # Queues one batch (or the error raised while loading it); returns
        # whether the loop should go on.
        mode, generation = self._sync()
        if mode == _BatchQueue.STOPPED:
            return False
        try:
            indices = self._next_indices()
            batch = None
            if indices is not None:
                loaded = self._load_in_workers(pool, indices)
                if loaded is None:
                    return False
                batch = [_from_shared(example, self.shared)
                         for example in loaded]
        except Exception as e:
            # The iterator raises it in next(); the loop goes on with the
            # next batch, as SerialIterator would.
            batch = _FailedBatch(e)
        self.queue.offer(batch, self.position, generation)
        return True

    def _load_in_workers(self, pool, indices):
        # Returns the examples, or None when the iterator stopped meanwhile.
        # Pool's own chunk size divides by the number of live workers,
        # which is 0 for a moment when maxtasksperchild retires them all:
        # derive it from the configured number instead.
        chunk = max(1, math.ceil(len(indices) / (4 * self.n_processes)))
        pending = pool.map_async(_worker_load, enumerate(indices), chunk)
        while True:
            try:
                return pending.get(_response_time)
            except multiprocessing.TimeoutError:
                if self.queue.stopped:
                    return None


def _call_watched(load, timeout):
    # Runs `load` (in a helper thread unless `timeout` is None) and warns
    # when it has not finished after `timeout` seconds.
    if timeout is None:
        return load()
    box = []

    def target():
        try:
            box.append((True, load()))
        except Exception as e:
            box.append((False, e))

    helper = threading.Thread(target=target, daemon=True)
    helper.start()
    helper.join(timeout)
    if helper.is_alive():
        _raise_timeout_warning()
        helper.join()
    ok, value = box[0]
    if not ok:
        raise value
    return value


# State of a worker process, filled by the pool initializer (each worker
# has its own copy; module-level functions pickle everywhere).
_worker = {}


def _worker_init(dataset, slot_bytes, shared):
    # Ctrl-C goes to the main process, which stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker.update(dataset=dataset, slot_bytes=slot_bytes, shared=shared)


def _worker_load(job):
    # Loads one example; its arrays go to the shared-memory slot of its
    # place in the batch.
    slot, index = job
    example = _worker['dataset'][index]
    shared = _worker['shared']
    if shared is None:
        return example
    begin = slot * _worker['slot_bytes']
    return _to_shared(example, shared, begin, begin + _worker['slot_bytes'])


def _worker_pid(_):
    return multiprocessing.current_process().pid


class _SharedArrayRef(object):
    # Placeholder for an array copied into shared memory: only its layout
    # and location are pickled.

    def __init__(self, array, buf, offset):
        end = offset + array.nbytes
        if end > len(buf):
            raise ValueError(
                'Shared memory size is too small. expect:{}, actual:{}'.format(
                    end, len(buf)))
        self.shape = array.shape
        self.dtype = array.dtype
        self.offset = offset
        self._view(buf)[...] = array

    def _view(self, buf):
        count = math.prod(self.shape)
        flat = numpy.frombuffer(buf, self.dtype, count, self.offset)
        return flat.reshape(self.shape)

    def load(self, buf):
        # A copy: the slot is reused by the next batch.
        return self._view(buf).copy()


def _map_example(fn, example):
    # Applies `fn` to the members of a tuple, list or dict example, or to
    # the example itself otherwise.
    kind = type(example)
    if kind is tuple or kind is list:
        return kind(fn(value) for value in example)
    if kind is dict:
        return {key: fn(value) for key, value in example.items()}
    return fn(example)


def _array_bytes(example):
    # Bytes of the NumPy arrays of an example (an array, or a tuple, list
    # or dict of values).
    kind = type(example)
    if kind is numpy.ndarray:
        return example.nbytes
    if kind is dict:
        members = example.values()
    elif kind is tuple or kind is list:
        members = example
    else:
        return 0
    return sum(value.nbytes for value in members
               if isinstance(value, numpy.ndarray))


def _to_shared(example, buf, begin, end):
    # Moves the arrays of an example into buf[begin:end]; the ones that do
    # not fit are left to pickling, with a warning.
    if len(buf) == 0 or type(example) not in (
            tuple, list, dict, numpy.ndarray):
        return example
    cursor = begin
    overflow = False

    def park(value):
        nonlocal cursor, overflow
        if not isinstance(value, numpy.ndarray):
            return value
        if cursor + value.nbytes > end:
            overflow = True
            return value
        ref = _SharedArrayRef(value, buf, cursor)
        cursor += value.nbytes
        return ref

    packed = _map_example(park, example)
    if overflow:
        warnings.warn(
            'Shared memory size is too small.\n' +
            'Please set shared_mem option for MultiprocessIterator.\n' +
            'Expect shared memory size: {} bytes.\n'.format(
                _array_bytes(example)) +
            'Actual shared memory size: {} bytes.'.format(end - begin),
            UserWarning)
    return packed


def _from_shared(example, buf):
    if buf is None or len(buf) == 0:
        return example

    def fetch(value):
        if isinstance(value, _SharedArrayRef):
            return value.load(buf)
        return value

    return _map_example(fetch, example)
