"""Snapshot writers: how (and in which thread or process) snapshots are saved.

Every writer saves through :meth:`Writer.save`, which never leaves a
partially written file under the final name: the data goes to a temporary
directory inside the output directory, is synced to disk and then renamed
over the destination, so a crash in the middle of a save keeps the previous
snapshot intact.
"""
import multiprocessing
import os
import queue
import shutil
import tempfile
import threading

from chainer_lite.serializers import npz


def _fsync_file(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_directory(path):
    # Makes a rename durable; some platforms cannot open directories.
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Writer(object):
    """Base class of snapshot writers.

    The snapshot extension calls the writer with the file name, the output
    directory and the serialized target (a dict of arrays) each time it
    takes a snapshot; the writer decides how and where the saving function
    runs.

    .. seealso:: :func:`chainer.training.extensions.snapshot`
    """

    def __init__(self):
        self._post_save_hooks = []

    def __call__(self, filename, outdir, target):
        """Saves ``target`` as ``outdir/filename``.

        Args:
            filename (str): File name (already formatted).
            outdir (str): Output directory (the trainer's ``out``).
            target (dict): Serialized object to save.
        """
        raise NotImplementedError

    def __del__(self):
        self.finalize()

    def finalize(self):
        """Waits for pending saves; called at the end of training."""

    def save(self, filename, outdir, target, savefun, **kwds):
        """Saves atomically with ``savefun(path, target, **kwds)``.

        The file is written under a temporary directory in ``outdir``,
        synced, and renamed to ``outdir/filename``; then the post-save hooks
        (e.g. removal of old snapshots) run.
        """
        destination = os.path.join(outdir, filename)
        tmpdir = tempfile.mkdtemp(prefix='tmp' + filename, dir=outdir)
        try:
            tmppath = os.path.join(tmpdir, filename)
            savefun(tmppath, target, **kwds)
            _fsync_file(tmppath)
            os.replace(tmppath, destination)
            _fsync_directory(outdir)
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)
        self._post_save()

    def _add_cleanup_hook(self, hook_fun):
        """Adds a callable (no arguments) run after each completed save."""
        self._post_save_hooks.append(hook_fun)

    def _post_save(self):
        for hook in self._post_save_hooks:
            hook()


class SimpleWriter(Writer):
    """Writer saving in the calling thread.

    Args:
        savefun: ``savefun(path, target, **kwds)`` writes the file;
            :func:`~chainer.serializers.save_npz` by default.
        kwds: Keyword arguments for ``savefun``.
    """

    def __init__(self, savefun=npz.save_npz, **kwds):
        super().__init__()
        self._save_fn = savefun
        self._save_kwargs = kwds

    def __call__(self, filename, outdir, target):
        self.save(filename, outdir, target, self._save_fn,
                  **self._save_kwargs)


class _BackgroundWriter(Writer):
    # Common part of the writers whose saves run elsewhere: finalize()
    # waits for them once, and later calls do nothing.

    _started = False
    _finalized = False

    def _wait(self):
        raise NotImplementedError

    def finalize(self):
        if self._started and not self._finalized:
            self._wait()
        self._started = False
        self._finalized = True


class StandardWriter(_BackgroundWriter):
    """Base of writers saving in a new worker (thread or process) each time.

    A call waits for the previous worker before starting a new one made by
    :meth:`create_worker`.

    Args:
        savefun: Saving function, :func:`~chainer.serializers.save_npz` by
            default.
        kwds: Keyword arguments for ``savefun``.
    """

    _worker = None

    def __init__(self, savefun=npz.save_npz, **kwds):
        super().__init__()
        self._save_fn = savefun
        self._save_kwargs = kwds

    def _wait(self):
        self._worker.join()

    def __call__(self, filename, outdir, target):
        # One save at a time: the previous worker must be done.
        if self._started:
            self._wait()
            self._started = False
        self._filename = filename
        worker = self.create_worker(
            filename, outdir, target, **self._save_kwargs)
        worker.start()
        self._worker = worker
        self._started = True

    def create_worker(self, filename, outdir, target, **kwds):
        """Returns an unstarted worker (with ``start`` and ``join``) that
        saves ``target``."""
        raise NotImplementedError

    def _make_worker(self, worker_class, filename, outdir, target):
        # The writer's own saving options are used (as in the caller).
        return worker_class(
            target=self.save, kwargs=self._save_kwargs,
            args=(filename, outdir, target, self._save_fn))


class ThreadWriter(StandardWriter):
    """Writer saving in a new thread for each snapshot."""

    def create_worker(self, filename, outdir, target, **kwds):
        return self._make_worker(threading.Thread, filename, outdir, target)


class ProcessWriter(StandardWriter):
    """Writer saving in a new process for each snapshot.

    .. note:: Forking from an MPI process can be unsafe; prefer
       :class:`ThreadWriter` there.
    """

    def create_worker(self, filename, outdir, target, **kwds):
        return self._make_worker(
            multiprocessing.Process, filename, outdir, target)


class QueueWriter(_BackgroundWriter):
    """Base of writers handing snapshots to one long-lived consumer.

    The queue (:meth:`create_queue`) and its consumer
    (:meth:`create_consumer`) are made at construction; each call puts a
    task in the queue, and :meth:`finalize` waits until the queue is empty.

    Args:
        savefun: Saving function used to build the default task.
        task: Callable with the signature of :meth:`Writer.__call__`; a
            :class:`SimpleWriter` of ``savefun`` by default.
    """

    _queue = None
    _consumer = None

    def __init__(self, savefun=npz.save_npz, task=None):
        super().__init__()
        if task is None:
            task = self.create_task(savefun)
        self._task = task
        self._queue = self.create_queue()
        self._consumer = self.create_consumer(self._queue)
        self._consumer.start()
        self._started = True

    def __call__(self, filename, outdir, target):
        self._queue.put((self._task, filename, outdir, target))

    def create_task(self, savefun):
        return SimpleWriter(savefun=savefun)

    def create_queue(self):
        raise NotImplementedError

    def create_consumer(self, q):
        raise NotImplementedError

    def consume(self, q):
        """Runs the queued tasks until a ``None`` task arrives."""
        # A job is (writer, filename, outdir, target).
        for job in iter(q.get, None):
            job[0](*job[1:])
            q.task_done()
        q.task_done()  # for the final None

    def _wait(self):
        # The None job stops the consumer once the queue is drained.
        self._queue.put(None)
        self._queue.join()
        self._consumer.join()


class ThreadQueueWriter(QueueWriter):
    """Queue writer whose consumer is a thread."""

    def create_queue(self):
        return queue.Queue()

    def create_consumer(self, q):
        return threading.Thread(target=self.consume, kwargs={'q': q})


class ProcessQueueWriter(QueueWriter):
    """Queue writer whose consumer is a process.

    .. note:: Forking from an MPI process can be unsafe; prefer
       :class:`ThreadQueueWriter` there.
    """

    def create_queue(self):
        return multiprocessing.JoinableQueue()

    def create_consumer(self, q):
        return multiprocessing.Process(target=self.consume, kwargs={'q': q})
