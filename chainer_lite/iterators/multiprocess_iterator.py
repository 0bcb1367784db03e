"""MultiprocessIterator: loads examples in worker processes, prefetching."""
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
    _prefetch_loop = None
    _comm = None

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
        self._initialize_loop()

    def _initialize_loop(self):
        self._comm = _Communicator(self.n_prefetch, self.dataset_timeout)
        self.reset()
        # The workers and the prefetch thread start with the first batch,
        # so that creating an iterator (e.g. before forking) starts nothing.
        self._prefetch_loop = _PrefetchLoop(
            self.dataset, self.batch_size, self.repeat,
            self.n_processes, self.shared_mem,
            self._comm, self.order_sampler,
            self._interruption_testing, self._maxtasksperchild)

    def __next__(self):
        loop = self._prefetch_loop
        if loop.thread is None:
            if loop.measure_required():
                # The first batch is loaded here, to size shared memory.
                batch, state = loop.measure(self.dataset_timeout)
                loop.launch_thread()
                return self._advance(batch, state)
            loop.launch_thread()
        batch, state = self._comm.get()
        return self._advance(batch, state)

    next = __next__

    def _advance(self, batch, state):
        self._previous_epoch_detail = self.epoch_detail
        self._state = state
        if batch is None:
            raise StopIteration
        return batch

    def finalize(self):
        """Stops the prefetch thread and the worker processes.

        It may be called several times; the iterator cannot be used (nor
        reset) afterwards.
        """
        if self._finalized:
            return
        if self._comm is not None:
            self._comm.terminate()
        if self._prefetch_loop is not None:
            self._prefetch_loop.terminate()
        self._comm = None
        self._prefetch_loop = None
        self._finalized = True

    def __copy__(self):
        # A new iterator (with its own workers) at the same position.
        other = MultiprocessIterator(
            self.dataset, self.batch_size, self.repeat, shuffle=None,
            n_processes=self.n_processes, n_prefetch=self.n_prefetch,
            shared_mem=self.shared_mem, order_sampler=self.order_sampler)
        other._reset_state(self.current_position, self.epoch,
                           self.is_new_epoch, self._state.order)
        other._previous_epoch_detail = self._previous_epoch_detail
        return other

    def serialize(self, serializer):
        """Saves or restores the position (keys ``current_position``,
        ``epoch``, ``is_new_epoch``, ``order``, ``previous_epoch_detail``).
        """
        current_position = serializer('current_position',
                                      self.current_position)
        epoch = serializer('epoch', self.epoch)
        is_new_epoch = serializer('is_new_epoch', self.is_new_epoch)
        # A copy: the prefetch thread may be reading the current order, and
        # a deserializer fills the array in place. Old snapshots call the
        # key '_order'.
        order = self._state.order.copy()
        try:
            serializer('order', order)
        except KeyError:
            serializer('_order', order)
        self._reset_state(current_position, epoch, is_new_epoch, order)
        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            self._previous_epoch_detail = self._guess_previous_epoch_detail()

    def reset(self):
        """Rewinds the iterator to the start of the first epoch."""
        self._reset_state(0, 0, False, self._initial_order())
        self._previous_epoch_detail = -1.

    def _reset_state(self, current_position, epoch, is_new_epoch, order):
        if self._finalized:
            raise NotImplementedError(
                'Reset of finalized MultiProcessIterator is currently not '
                'supported.')
        self._state = _statemachine.IteratorState(
            current_position, epoch, is_new_epoch, order)
        # Batches prefetched from the old position are dropped.
        self._comm.reset(self._state)

    def __getstate__(self):
        # Pickling keeps the settings and the position, not the workers.
        order = self._state.order
        state = {
            'current_position': self.current_position,
            'epoch': self.epoch,
            'is_new_epoch': self.is_new_epoch,
            'order': None if order is None else order.copy(),
            'previous_epoch_detail': self._previous_epoch_detail,
        }
        init = self.__dict__.copy()
        for name in ('_comm', '_state', '_prefetch_loop'):
            init.pop(name, None)
        state['init'] = init
        return state

    def __setstate__(self, state):
        self.__dict__.update(state['init'])
        self._initialize_loop()
        self._reset_state(state['current_position'], state['epoch'],
                          state['is_new_epoch'], state['order'])
        self._previous_epoch_detail = state['previous_epoch_detail']


class _WorkerError(object):
    # What the prefetch thread hands over instead of a batch when fetching
    # failed; the iterator raises the exception in the user's thread.

    def __init__(self, exception):
        self.exception = exception


class _Communicator(object):
    # The queue of prefetched batches between the iterator (consumer) and
    # the prefetch thread (producer). A reset or termination empties it and
    # bumps ``_reset_count``, so that a batch fetched for an old position is
    # dropped instead of queued.

    STATUS_CONTINUE = 0
    STATUS_RESET = 1
    STATUS_TERMINATE = 2

    def __init__(self, n_prefetch, dataset_timeout):
        self.n_prefetch = n_prefetch
        self.dataset_timeout = dataset_timeout

        self._lock = threading.Lock()
        self._not_empty_cond = threading.Condition(self._lock)
        self._not_full_cond = threading.Condition(self._lock)
        self._batch_queue = []
        self._status = _Communicator.STATUS_CONTINUE
        self._prefetch_state = None
        self._reset_count = 0

    @property
    def is_terminated(self):
        with self._lock:
            return self._status == _Communicator.STATUS_TERMINATE

    # Called by the iterator.
    def get(self):
        with self._lock:
            start = time.monotonic()
            warned = False
            while not self._batch_queue:
                self._not_empty_cond.wait(_response_time)
                if (not warned and self.dataset_timeout is not None
                        and time.monotonic() - start > self.dataset_timeout):
                    warned = True
                    _raise_timeout_warning()
            batch, prefetch_state = self._batch_queue.pop(0)
            self._not_full_cond.notify()
        if isinstance(batch, _WorkerError):
            raise batch.exception
        return batch, prefetch_state

    # Called by the iterator.
    def reset(self, prefetch_state):
        with self._lock:
            self._status = _Communicator.STATUS_RESET
            self._prefetch_state = prefetch_state
            self._batch_queue = []
            self._not_full_cond.notify()
            self._reset_count += 1

    # Called by the iterator.
    def terminate(self):
        with self._lock:
            self._status = _Communicator.STATUS_TERMINATE
            self._batch_queue = []
            self._not_full_cond.notify()
            self._reset_count += 1

    # Called by the prefetch thread: takes a pending reset or termination.
    def check(self):
        with self._lock:
            status = self._status
            if status != _Communicator.STATUS_TERMINATE:
                self._status = _Communicator.STATUS_CONTINUE
            prefetch_state = None
            if status == _Communicator.STATUS_RESET:
                prefetch_state = self._prefetch_state
            return status, prefetch_state, self._reset_count

    # Called by the prefetch thread.
    def put(self, batch, prefetch_state, reset_count):
        with self._lock:
            while (len(self._batch_queue) >= self.n_prefetch
                   and reset_count == self._reset_count):
                self._not_full_cond.wait()
            if reset_count == self._reset_count:
                self._batch_queue.append((batch, prefetch_state))
                self._not_empty_cond.notify()


class _PrefetchLoop(object):
    # The prefetch thread and the worker pool it drives.

    _thread = None
    _pool = None
    _terminating = False

    def __init__(self, dataset, batch_size, repeat, n_processes, mem_size,
                 comm, order_sampler, _interruption_testing,
                 maxtasksperchild):
        self.dataset = dataset
        self.batch_size = batch_size
        self.repeat = repeat
        self.n_processes = n_processes
        self.mem_size = mem_size
        self._comm = comm
        self.order_sampler = order_sampler
        self.maxtasksperchild = maxtasksperchild
        self.prefetch_state = None
        self._interruption_testing = _interruption_testing
        self._allocate_shared_memory()

    def terminate(self):
        self._terminating = True
        # The thread uses the pool: stop it first.
        if self._thread is not None:
            while self._thread.is_alive():
                self._thread.join(_response_time)
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
        self._thread = None
        self._pool = None

    @property
    def thread(self):
        return self._thread

    def measure_required(self):
        return self.mem_size is None

    def _take_reset(self):
        status, prefetch_state, reset_count = self._comm.check()
        if status == _Communicator.STATUS_RESET:
            self.prefetch_state = prefetch_state
        return status, reset_count

    def measure(self, dataset_timeout):
        # Loads the next batch in this process and sizes the shared memory
        # after its largest example.
        self._take_reset()
        self.prefetch_state, indices = _statemachine.iterator_statemachine(
            self.prefetch_state, self.batch_size, self.repeat,
            self.order_sampler, len(self.dataset))
        if indices is None:
            return None, self.prefetch_state

        outcome = {}

        def fetch_batch():
            try:
                outcome['batch'] = [self.dataset[index] for index in indices]
            except Exception as e:
                outcome['error'] = e

        if dataset_timeout is None:
            fetch_batch()
        else:
            # Fetch in a helper thread to notice a stalled dataset.
            thread = threading.Thread(target=fetch_batch, daemon=True)
            thread.start()
            thread.join(dataset_timeout)
            if thread.is_alive():
                _raise_timeout_warning()
            thread.join()
        if 'error' in outcome:
            raise outcome['error']
        batch = outcome['batch']

        self.mem_size = max(_measure(example) for example in batch)
        self._allocate_shared_memory()
        return batch, self.prefetch_state

    def _allocate_shared_memory(self):
        if self.measure_required():
            self.mem_bulk = None
        else:
            self.mem_bulk = sharedctypes.RawArray(
                'b', self.batch_size * self.mem_size)

    def launch_thread(self):
        self._pool = multiprocessing.Pool(
            processes=self.n_processes,
            initializer=_fetch_setup,
            initargs=(self.dataset, self.mem_size, self.mem_bulk),
            maxtasksperchild=self.maxtasksperchild)
        if self._interruption_testing:
            pids = self._pool.map(_report_pid, range(self.n_processes))
            print(' '.join(map(str, pids)))
            sys.stdout.flush()

        thread = threading.Thread(
            target=self._run, name='prefetch_loop', daemon=True)
        thread.start()
        self._thread = thread
        return thread

    def _run(self):
        # Body of the prefetch thread.
        try:
            while not self._terminating and self._task():
                pass
        finally:
            self._pool.close()

    def _task(self):
        # Prefetches one batch; returns whether to go on.
        status, reset_count = self._take_reset()
        if status == _Communicator.STATUS_TERMINATE:
            return False

        try:
            self.prefetch_state, indices = \
                _statemachine.iterator_statemachine(
                    self.prefetch_state, self.batch_size, self.repeat,
                    self.order_sampler, len(self.dataset))
            if indices is None:
                batch = None
            else:
                # Pool's own chunk size divides by the number of live
                # workers, which is 0 for a moment when maxtasksperchild
                # retires them all: use the configured number instead.
                chunksize = max(1, -(-len(indices) // (4 * self.n_processes)))
                future = self._pool.map_async(
                    _fetch_run, enumerate(indices), chunksize)
                while True:
                    try:
                        data_all = future.get(_response_time)
                        break
                    except multiprocessing.TimeoutError:
                        if self._comm.is_terminated:
                            return False
                batch = [_unpack(data, self.mem_bulk) for data in data_all]
        except Exception as e:
            # Hand the error to the iterator, which raises it in next(); the
            # loop goes on with the next batch, as SerialIterator would.
            self._comm.put(_WorkerError(e), self.prefetch_state, reset_count)
            return True

        self._comm.put(batch, self.prefetch_state, reset_count)
        return True


# Worker-side globals, set once per worker by the pool initializer (each
# worker has its own copy; module-level functions pickle everywhere).
_fetch_dataset = None
_fetch_mem_size = None
_fetch_mem_bulk = None


def _fetch_setup(dataset, mem_size, mem_bulk):
    global _fetch_dataset, _fetch_mem_size, _fetch_mem_bulk
    # Ctrl-C goes to the main process, which stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _fetch_dataset = dataset
    _fetch_mem_size = mem_size
    _fetch_mem_bulk = mem_bulk


def _fetch_run(inputs):
    # Loads the example of batch slot ``i``, its arrays written to that
    # slot of the shared memory.
    i, index = inputs
    data = _fetch_dataset[index]
    if _fetch_mem_bulk is not None:
        offset = i * _fetch_mem_size
        data = _pack(data, _fetch_mem_bulk, offset, offset + _fetch_mem_size)
    return data


def _report_pid(_):
    return multiprocessing.current_process().pid


class _PackedNdarray(object):
    # Stands for an array copied into shared memory at ``offset``.

    def __init__(self, array, mem, offset):
        self.shape = array.shape
        self.dtype = array.dtype
        self.nbytes = array.nbytes
        self.size = array.size
        self.offset = offset
        total = offset + self.nbytes
        if total > len(mem):
            raise ValueError(
                'Shared memory size is too small. expect:{}, actual:{}'.format(
                    total, len(mem)))
        target = numpy.frombuffer(mem, self.dtype, self.size, self.offset)
        target[...] = array.ravel()

    def unpack(self, mem):
        view = numpy.frombuffer(mem, self.dtype, self.size, self.offset)
        # A copy: the slot is reused by the next batch.
        return view.reshape(self.shape).copy()


def _measure(data):
    # Bytes of the NumPy arrays of an example (an array, or a tuple, list
    # or dict of values).
    if type(data) is numpy.ndarray:
        return data.nbytes
    if type(data) is dict:
        values = data.values()
    elif type(data) in (tuple, list):
        values = data
    else:
        return 0
    return sum(v.nbytes for v in values if isinstance(v, numpy.ndarray))


def _pack(data, mem, offset, limit):
    # Moves the arrays of an example into mem[offset:limit]; the ones that
    # do not fit are left to pickling, with a warning.
    if len(mem) == 0:
        return data
    needed = _measure(data)
    state = {'offset': offset, 'over': False}

    def pack_value(v):
        if not isinstance(v, numpy.ndarray):
            return v
        if v.nbytes + state['offset'] > limit:
            state['over'] = True
            return v
        packed = _PackedNdarray(v, mem, state['offset'])
        state['offset'] += v.nbytes
        return packed

    t = type(data)
    if t is tuple or t is list:
        data = t(pack_value(v) for v in data)
    elif t is dict:
        data = {k: pack_value(v) for k, v in data.items()}
    elif t is numpy.ndarray:
        data = pack_value(data)

    if state['over']:
        warnings.warn(
            'Shared memory size is too small.\n' +
            'Please set shared_mem option for MultiprocessIterator.\n' +
            'Expect shared memory size: {} bytes.\n'.format(needed) +
            'Actual shared memory size: {} bytes.'.format(limit - offset),
            UserWarning)
    return data


def _unpack(data, mem):
    if mem is None or len(mem) == 0:
        return data

    def unpack_value(v):
        if isinstance(v, _PackedNdarray):
            return v.unpack(mem)
        return v

    t = type(data)
    if t is tuple or t is list:
        return t(unpack_value(v) for v in data)
    if t is dict:
        return {k: unpack_value(v) for k, v in data.items()}
    return unpack_value(data)
