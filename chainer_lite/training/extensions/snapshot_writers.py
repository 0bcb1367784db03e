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
        super(SimpleWriter, self).__init__()
        self._savefun = savefun
        self._kwds = kwds

    def __call__(self, filename, outdir, target):
        self.save(filename, outdir, target, self._savefun, **self._kwds)


class StandardWriter(Writer):
    """Base of writers saving in a new worker (thread or process) each time.

    A call waits for the previous worker before starting a new one made by
    :meth:`create_worker`.

    Args:
        savefun: Saving function, :func:`~chainer.serializers.save_npz` by
            default.
        kwds: Keyword arguments for ``savefun``.
    """

    _started = False
    _finalized = False
    _worker = None

    def __init__(self, savefun=npz.save_npz, **kwds):
        super(StandardWriter, self).__init__()
        self._savefun = savefun
        self._kwds = kwds
        self._started = False
        self._finalized = False

    def __call__(self, filename, outdir, target):
        if self._started:
            self._worker.join()
            self._started = False
        self._filename = filename
        self._worker = self.create_worker(filename, outdir, target,
                                          **self._kwds)
        self._worker.start()
        self._started = True

    def create_worker(self, filename, outdir, target, **kwds):
        """Returns an unstarted worker (with ``start`` and ``join``) that
        saves ``target``."""
        raise NotImplementedError

    def finalize(self):
        if self._started:
            if not self._finalized:
                self._worker.join()
            self._started = False
        self._finalized = True


class ThreadWriter(StandardWriter):
    """Writer saving in a new thread for each snapshot."""

    def __init__(self, savefun=npz.save_npz, **kwds):
        super(ThreadWriter, self).__init__(savefun=savefun, **kwds)

    def create_worker(self, filename, outdir, target, **kwds):
        return threading.Thread(
            target=self.save,
            args=(filename, outdir, target, self._savefun),
            kwargs=self._kwds)


class ProcessWriter(StandardWriter):
    """Writer saving in a new process for each snapshot.

    .. note:: Forking from an MPI process can be unsafe; prefer
       :class:`ThreadWriter` there.
    """

    def __init__(self, savefun=npz.save_npz, **kwds):
        super(ProcessWriter, self).__init__(savefun=savefun, **kwds)

    def create_worker(self, filename, outdir, target, **kwds):
        return multiprocessing.Process(
            target=self.save,
            args=(filename, outdir, target, self._savefun),
            kwargs=self._kwds)


class QueueWriter(Writer):
    """Base of writers handing snapshots to one long-lived consumer.

    The queue (:meth:`create_queue`) and its consumer
    (:meth:`create_consumer`) are made at construction; each call puts a
    task in the queue, and :meth:`finalize` waits until the queue is empty.

    Args:
        savefun: Saving function used to build the default task.
        task: Callable with the signature of :meth:`Writer.__call__`; a
            :class:`SimpleWriter` of ``savefun`` by default.
    """

    _started = False
    _finalized = False
    _queue = None
    _consumer = None

    def __init__(self, savefun=npz.save_npz, task=None):
        super(QueueWriter, self).__init__()
        self._task = self.create_task(savefun) if task is None else task
        self._queue = self.create_queue()
        self._consumer = self.create_consumer(self._queue)
        self._consumer.start()
        self._started = True
        self._finalized = False

    def __call__(self, filename, outdir, target):
        self._queue.put([self._task, filename, outdir, target])

    def create_task(self, savefun):
        return SimpleWriter(savefun=savefun)

    def create_queue(self):
        raise NotImplementedError

    def create_consumer(self, q):
        raise NotImplementedError

    def consume(self, q):
        """Runs the queued tasks until a ``None`` task arrives."""
        while True:
            task = q.get()
            if task is None:
                q.task_done()
                return
            task[0](task[1], task[2], task[3])
            q.task_done()

    def finalize(self):
        if self._started:
            if not self._finalized:
                self._queue.put(None)
                self._queue.join()
                self._consumer.join()
            self._started = False
        self._finalized = True


class ThreadQueueWriter(QueueWriter):
    """Queue writer whose consumer is a thread."""

    def __init__(self, savefun=npz.save_npz, task=None):
        super(ThreadQueueWriter, self).__init__(savefun=savefun, task=task)

    def create_queue(self):
        return queue.Queue()

    def create_consumer(self, q):
        return threading.Thread(target=self.consume, args=(q,))


class ProcessQueueWriter(QueueWriter):
    """Queue writer whose consumer is a process.

    .. note:: Forking from an MPI process can be unsafe; prefer
       :class:`ThreadQueueWriter` there.
    """

    def __init__(self, savefun=npz.save_npz, task=None):
        super(ProcessQueueWriter, self).__init__(savefun=savefun, task=task)

    def create_queue(self):
        return multiprocessing.JoinableQueue()

    def create_consumer(self, q):
        return multiprocessing.Process(target=self.consume, args=(q,))
