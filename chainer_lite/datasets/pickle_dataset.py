"""PickleDataset: random access to objects pickled one after another.

Reading such a dataset unpickles its content, which can run arbitrary code:
open only files you created or otherwise trust.
"""
import io
import os
import pickle
import threading
import weakref

from chainer_lite.dataset import dataset_mixin


class PickleDatasetWriter(object):
    """Writes objects one after another, making a :class:`PickleDataset`.

    The objects are pickled; reading them back unpickles them, which is
    safe only for files from trusted sources.

    Args:
        writer: File-like object (opened in binary mode) with ``write`` and
            ``tell``.
        protocol (int): :mod:`pickle` protocol.

    .. seealso:: :func:`open_pickle_dataset_writer`
    """

    def __init__(self, writer, protocol=pickle.HIGHEST_PROTOCOL):
        self._positions = []
        self._writer = writer
        self._protocol = protocol

    def close(self):
        """Closes the underlying file."""
        self._writer.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def write(self, x):
        """Appends one object (an example) to the dataset."""
        start = self._writer.tell()
        pickle.dump(x, self._writer, self._protocol)
        # Recorded only once the object is completely written.
        self._positions.append(start)

    def flush(self):
        """Flushes the underlying file, if it can be flushed."""
        if hasattr(self._writer, 'flush'):
            self._writer.flush()


# Datasets whose reader must reopen its file in a forked child: a child
# sharing the parent's file offset would race with it.
_live_datasets = weakref.WeakSet()


def _reopen_readers_after_fork():
    for dataset in list(_live_datasets):
        dataset._after_fork()


if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=_reopen_readers_after_fork)


class PickleDataset(dataset_mixin.DatasetMixin):
    """Dataset of objects pickled one after another in a seekable file.

    The constructor reads the file once to find where each object starts;
    ``dataset[i]`` then seeks there and unpickles object ``i``. Data larger
    than memory can so be read in any order. Write such files with
    :class:`PickleDatasetWriter`.

    .. warning::
        Reading unpickles the file's content, which can execute arbitrary
        code. Only open files that you created or otherwise trust.

    In a process forked from the one that opened the dataset, a reader with
    an ``after_fork()`` method (as the one :func:`open_pickle_dataset` makes)
    reopens its file, so that parent and child do not share a file offset.

    Args:
        reader: Seekable file-like object opened in binary mode.

    Example:

        >>> import os, tempfile
        >>> import chainer
        >>> path = os.path.join(tempfile.mkdtemp(), 'data.pkl')
        >>> with chainer.datasets.open_pickle_dataset_writer(path) as w:
        ...     w.write((1, 2.0, 'hello'))
        ...     w.write((2, 3.0, 'good-bye'))
        >>> with chainer.datasets.open_pickle_dataset(path) as dataset:
        ...     print(len(dataset), dataset[1])
        2 (2, 3.0, 'good-bye')
    """

    def __init__(self, reader):
        if not reader.seekable():
            raise ValueError('reader must support random access')
        self._reader = reader
        self._positions = []
        reader.seek(0)
        while True:
            position = reader.tell()
            try:
                pickle.load(reader)
            except EOFError:
                break
            self._positions.append(position)

        self._lock = threading.RLock()
        _live_datasets.add(self)

    def _after_fork(self):
        # Readers that keep OS resources may need to reopen them.
        reopen = getattr(self._reader, 'after_fork', None)
        if callable(reopen):
            reopen()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_lock']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._lock = threading.RLock()
        _live_datasets.add(self)

    def close(self):
        """Closes the reader; the dataset cannot be read afterwards."""
        with self._lock:
            self._reader.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self.close()

    def __len__(self):
        return len(self._positions)

    def get_example(self, index):
        with self._lock:
            self._reader.seek(self._positions[index])
            return pickle.load(self._reader)


class _FileReader(io.RawIOBase):
    # A binary file reader that can reopen its file (after a fork) and be
    # pickled (it reopens the file by path when unpickled).

    def __init__(self, path):
        super(_FileReader, self).__init__()
        self._path = path
        self._fp = None
        self._open()

    def _open(self):
        self._fp = open(self._path, 'rb')

    def after_fork(self):
        """Reopens the file, so that the process has its own offset."""
        self.close()
        self._open()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_fp']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._open()

    def flush(self):
        self._fp.flush()

    def close(self):
        self._fp.close()

    def fileno(self):
        return self._fp.fileno()

    def seekable(self):
        return self._fp.seekable()

    def seek(self, offset, whence=io.SEEK_SET):
        return self._fp.seek(offset, whence)

    def tell(self):
        return self._fp.tell()

    def readinto(self, b):
        return self._fp.readinto(b)


def open_pickle_dataset(path):
    """Opens a :class:`PickleDataset` stored in a file.

    The file stays open until :meth:`PickleDataset.close` is called; use
    the dataset in a ``with`` block to close it automatically.

    .. warning::
        Reading unpickles the file's content, which can execute arbitrary
        code. Only open files that you created or otherwise trust.

    Args:
        path (str): Path of the file.

    Returns:
        chainer.datasets.PickleDataset: The opened dataset.
    """
    return PickleDataset(_FileReader(path))


def open_pickle_dataset_writer(path, protocol=pickle.HIGHEST_PROTOCOL):
    """Opens a :class:`PickleDatasetWriter` that writes to a file.

    The file stays open until :meth:`PickleDatasetWriter.close` is called;
    use the writer in a ``with`` block to close it automatically. The file
    is read back by unpickling (see :func:`open_pickle_dataset`), so only
    files from trusted sources may be read as datasets.

    Args:
        path (str): Path of the file (created or truncated).
        protocol (int): :mod:`pickle` protocol.

    Returns:
        chainer.datasets.PickleDatasetWriter: The opened writer.
    """
    return PickleDatasetWriter(open(path, 'wb'), protocol=protocol)
