"""NPZ (de)serialization: Chainer's standard checkpoint format.

Keys are the slash-separated paths of the values in the object hierarchy
(``predictor/l1/W``), so files move both ways between Chainer and
chainer_lite. Loading never unpickles: see :func:`load_npz`.
"""
import contextlib
import os
import secrets
import zipfile

import numpy
from numpy.lib import format as npy_format

from chainer_lite import serializer
from chainer_lite.backends import _cpu
from chainer_lite.backends import cuda
from chainer_lite.serializers import _npz_reader


def _child_path(path, key):
    # Keys of nested objects are '/'-joined paths: 'l1/W'.
    return path + key.strip('/') + '/'


class DictionarySerializer(serializer.Serializer):
    """Serializer that flattens an object hierarchy into a dictionary.

    Each value is stored under its path in the hierarchy (children add
    ``name/`` to the path) as a NumPy array; ``None`` is stored as
    ``numpy.asarray(None)``. The resulting :attr:`target` is what
    :func:`save_npz` writes: this class writes no file itself.

    Args:
        target (dict): Dictionary to fill; a new one if ``None``.
        path (str): Path prefix of this serializer in the hierarchy.

    Attributes:
        target (dict): The dictionary of arrays.

    Example:

        >>> import chainer
        >>> import chainer.links as L
        >>> from chainer import serializers
        >>> s = serializers.DictionarySerializer()
        >>> s.save(L.Linear(3, 2))
        >>> sorted(s.target)
        ['W', 'b']
    """

    def __init__(self, target=None, path=''):
        self.target = {} if target is None else target
        self.path = path

    def __getitem__(self, key):
        return DictionarySerializer(self.target, _child_path(self.path, key))

    def __call__(self, key, value):
        key = key.lstrip('/')
        if value is None:
            self.target[self.path + key] = numpy.asarray(None)
        else:
            self.target[self.path + key] = _cpu._to_cpu(value)
        return value


def serialize(obj):
    """Serializes an object into a dictionary of arrays.

    Args:
        obj: Object supporting the serialization protocol.

    Returns:
        dict: The arrays by key, as :func:`save_npz` would write them.
    """
    s = DictionarySerializer()
    s.save(obj)
    return s.target


def _write_npz(file, arrays, compression):
    # What numpy.savez does, minus its keyword arguments (a key named 'file'
    # or 'allow_pickle' cannot collide with them here).
    mode = zipfile.ZIP_DEFLATED if compression else zipfile.ZIP_STORED
    with zipfile.ZipFile(file, mode='w', compression=mode,
                         allowZip64=True) as archive:
        for key, value in arrays.items():
            with archive.open(key + '.npy', 'w', force_zip64=True) as member:
                npy_format.write_array(
                    member, numpy.asanyarray(value), allow_pickle=True)


@contextlib.contextmanager
def _replacing_file(path):
    # Yields a new file in the directory of ``path`` that replaces ``path``
    # only once completely written and synced to disk, so that a crash
    # mid-write leaves the previous file intact.
    path = os.fsdecode(path)
    if os.path.islink(path):
        # Replace what the link points to, as writing through it would.
        path = os.path.realpath(path)
    directory = os.path.dirname(os.path.abspath(path))
    base = os.path.basename(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, 'O_BINARY', 0)
    while True:
        tmp = os.path.join(
            directory, '.{}.{}.tmp'.format(base, secrets.token_hex(6)))
        try:
            fd = os.open(tmp, flags, 0o666)  # the umask applies, as in open()
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, 'wb') as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_directory(directory)


def _sync_directory(directory):
    # Makes the rename durable; not every platform can open a directory.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_npz(file, obj, compression=True):
    """Saves an object to a file in NPZ format.

    A path is written atomically: the data goes to a temporary file in the
    same directory, which is flushed, synced and then renamed over the
    destination.

    Args:
        file (str, path-like or file-like): Destination.
        obj: Object supporting the serialization protocol, or a dictionary
            of arrays to save as it is.
        compression (bool): Whether to compress the archive members.

    Example:

        >>> import os, tempfile
        >>> import chainer.links as L
        >>> from chainer import serializers
        >>> path = os.path.join(tempfile.mkdtemp(), 'model.npz')
        >>> serializers.save_npz(path, L.Linear(3, 2))
        >>> model = L.Linear(3, 2)
        >>> serializers.load_npz(path, model)

    .. seealso:: :func:`load_npz`
    """
    if isinstance(obj, dict):
        target = obj
    else:
        target = serialize(obj)
    if isinstance(file, (str, bytes, os.PathLike)):
        with _replacing_file(file) as f:
            _write_npz(f, target, compression)
    else:
        _write_npz(file, target, compression)


class NpzDeserializer(serializer.Deserializer):
    """Deserializer reading values from NPZ data.

    Args:
        npz: The loaded archive: the result of :func:`numpy.load` on an NPZ
            file, or any mapping from keys to arrays.
        path (str): Path prefix of this deserializer in the hierarchy.
        strict (bool): If ``True``, a value missing from the archive is an
            error (``KeyError``); otherwise it is left unchanged.
        ignore_names (str, callable or list of them): Keys to skip: a key
            equal to a string, or for which a callable returns ``True``, is
            not loaded.
    """

    # Writes into existing arrays, kept until the whole object has been
    # read when load_npz sets a list here (None: write immediately).
    _pending_copies = None

    def __init__(self, npz, path='', strict=True, ignore_names=None):
        self.npz = npz
        self.path = path
        self.strict = strict
        if ignore_names is None:
            ignore_names = []
        self.ignore_names = ignore_names

    def __getitem__(self, key):
        child = NpzDeserializer(
            self.npz, _child_path(self.path, key), strict=self.strict,
            ignore_names=self.ignore_names)
        child._pending_copies = self._pending_copies
        return child

    def _is_ignored(self, key):
        # ``ignore_names``: one rule or a list of them; a rule is a key to
        # skip or a predicate on keys. Rules are checked in order.
        rules = self.ignore_names
        if not isinstance(rules, (tuple, list)):
            rules = (rules,)
        for rule in rules:
            if isinstance(rule, str):
                matched = rule == key
            elif callable(rule):
                matched = rule(key)
            else:
                raise ValueError(
                    'ignore_names needs to be a callable, string or '
                    'list of them.')
            if matched:
                return True
        return False

    def __call__(self, key, value):
        key = self.path + key.lstrip('/')
        if not self.strict and key not in self.npz:
            return value
        if self._is_ignored(key):
            return value

        dataset = self.npz[key]
        if (isinstance(dataset, numpy.ndarray) and dataset.dtype == object
                and dataset.ndim == 0 and dataset[()] is None):
            return None
        if value is None:
            return dataset
        if isinstance(value, numpy.ndarray):
            _check_copyable(key, value, dataset)
            self._copy(numpy.copyto, value, dataset)
        elif cuda._is_cupy_array(value):
            host = numpy.broadcast_to(
                numpy.asarray(dataset, dtype=value.dtype), value.shape)
            self._copy(_set_cupy, value, numpy.ascontiguousarray(host))
        else:
            value = _to_scalar(value, dataset)
        return value

    def _copy(self, copy, dst, src):
        if self._pending_copies is None:
            copy(dst, src)
        else:
            self._pending_copies.append((copy, dst, src))


def _set_cupy(dst, src):
    dst.set(src)


def _check_copyable(key, dst, src):
    # The checks of numpy.copyto, made before anything is written.
    src = numpy.asarray(src)
    if not numpy.can_cast(src.dtype, dst.dtype, casting='same_kind'):
        raise TypeError(
            'Cannot cast array data from {!r} to {!r} according to the rule '
            '\'same_kind\' (key: {!r})'.format(src.dtype, dst.dtype, key))
    try:
        numpy.broadcast_to(src, dst.shape)
    except ValueError:
        raise ValueError(
            'could not broadcast input array from shape {} into shape {} '
            '(key: {!r})'.format(src.shape, dst.shape, key)) from None


def _to_scalar(value, dataset):
    # Converts a stored array to the type of ``value``, refusing numeric
    # conversions that could lose information.
    value_type = type(value)
    array = numpy.asarray(dataset)
    kind = array.dtype.type
    if (issubclass(kind, numpy.number)
            # int() of a NumPy integer is exact whatever dtype(int) is.
            and not (issubclass(kind, numpy.integer) and value_type is int)
            and not numpy.can_cast(array.dtype, value_type, casting='safe')):
        raise TypeError(
            'Cannot safely deserialize from numpy array with dtype={} '
            'into a variable of type {}.'.format(array.dtype, value_type))
    return value_type(array)


def load_npz(file, obj, path='', strict=True, ignore_names=None):
    """Loads an object from a file in NPZ format.

    The whole file is read and checked first: a truncated or corrupt file
    raises ``ValueError`` and leaves ``obj`` untouched. Nothing is ever
    unpickled: the ``None`` Chainer stores for an uninitialized parameter
    is recognised without running pickle, and any other pickled object is
    refused with ``ValueError``. Existing arrays of ``obj`` are overwritten
    only once every value has been read, so a missing key (``KeyError``), a
    shape mismatch (``ValueError``) or an unsafe cast (``TypeError``) leaves
    them unchanged (scalars such as ``optimizer.t``, and uninitialized
    parameters, are set as they are read, as in Chainer).

    Args:
        file (str, path-like or file-like): File to load.
        obj: Object supporting the serialization protocol.
        path (str): Path in the stored hierarchy to load from (e.g.
            ``'updater/model:main/'``); ``''`` loads from the root.
        strict (bool): If ``True``, a value missing from the file is an
            error; otherwise it is left unchanged.
        ignore_names (str, callable or list of them): Keys to skip: a key
            equal to a string, or for which a callable returns ``True``.

    .. seealso:: :func:`save_npz`
    """
    arrays = _npz_reader.read_npz(file)
    d = NpzDeserializer(
        arrays, path=path, strict=strict, ignore_names=ignore_names)
    pending = d._pending_copies = []
    d.load(obj)
    for copy, dst, src in pending:
        copy(dst, src)
