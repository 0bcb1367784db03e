"""HDF5 (de)serialization (needs the optional h5py package).

The object hierarchy maps to HDF5 groups; ``None`` is an empty dataset.
"""
import importlib.util

import numpy

from chainer_lite import serializer
from chainer_lite.backends import _cpu
from chainer_lite.backends import cuda

# Whether h5py is installed; it is imported only when first used.
_available = importlib.util.find_spec('h5py') is not None


class _H5pyUnavailableError(RuntimeError, ImportError):
    # Chainer raises RuntimeError here; being an ImportError as well lets
    # ``except ImportError`` catch the missing optional dependency too.
    pass


_MISSING_MESSAGE = '''h5py is not installed on your environment.
Please install h5py to activate hdf5 serializers.
  $ pip install h5py'''


def _h5py():
    try:
        import h5py
    except ImportError as e:
        raise _H5pyUnavailableError(_MISSING_MESSAGE) from e
    return h5py


def _check_available():
    # Returns the h5py module, or raises the error naming the missing
    # dependency.
    if not _available:
        raise _H5pyUnavailableError(_MISSING_MESSAGE)
    return _h5py()


class HDF5Serializer(serializer.Serializer):
    """Serializer writing into an HDF5 group.

    Args:
        group (h5py.Group): The group this serializer writes to.
        compression (int): Gzip compression level of datasets with more
            than one element.
    """

    def __init__(self, group, compression=4):
        _check_available()
        self.group = group
        self.compression = compression

    def __getitem__(self, key):
        name = self.group.name + '/' + key
        return HDF5Serializer(self.group.require_group(name), self.compression)

    def __call__(self, key, value):
        h5py = _h5py()
        if value is None:
            arr = h5py.Empty('f')
            compression = None
        else:
            arr = _cpu._to_cpu(value)
            compression = None if arr.size <= 1 else self.compression
        self.group.create_dataset(key, data=arr, compression=compression)
        return value


def save_hdf5(filename, obj, compression=4):
    """Saves an object to a file in HDF5 format.

    Args:
        filename (str): Target file name (h5py writes only to real files).
        obj: Object supporting the serialization protocol, or a dictionary
            of arrays to save as it is.
        compression (int): Gzip compression level.

    .. seealso:: :func:`load_hdf5`
    """
    h5py = _check_available()
    with h5py.File(filename, 'w') as f:
        if isinstance(obj, dict):
            for key, value in obj.items():
                arr = numpy.asarray(value)
                level = None if arr.size <= 1 else compression
                try:
                    f.create_dataset('/' + key.lstrip('/'), data=arr,
                                     compression=level)
                except TypeError as e:
                    # e.g. object arrays, which HDF5 cannot store.
                    raise TypeError(
                        'A key named "{}" is unable to save in HDF5 '
                        'format: {}'.format(key, e)) from e
        else:
            HDF5Serializer(f, compression=compression).save(obj)


class HDF5Deserializer(serializer.Deserializer):
    """Deserializer reading from an HDF5 group.

    Args:
        group (h5py.Group): The group the deserialization starts from.
        strict (bool): If ``True``, a missing value is an error; otherwise
            it is left unchanged.
    """

    def __init__(self, group, strict=True):
        _check_available()
        self.group = group
        self.strict = strict

    def __getitem__(self, key):
        name = self.group.name + '/' + key
        try:
            group = self.group.require_group(name)
        except ValueError:
            # A file opened read-only has no such group.
            group = None
        return HDF5Deserializer(group, strict=self.strict)

    def __call__(self, key, value):
        if self.group is None:
            if not self.strict:
                return value
            raise ValueError('Inexistent group is specified')
        if not self.strict and key not in self.group:
            return value
        dataset = self.group[key]
        if dataset.shape is None:  # an Empty dataset stands for None
            return None
        if value is None:
            return numpy.asarray(dataset)
        if isinstance(value, numpy.ndarray):
            dataset.read_direct(value)
        elif cuda._is_cupy_array(value):
            value.set(numpy.asarray(dataset, dtype=value.dtype))
        else:
            value = type(value)(numpy.asarray(dataset))
        return value


def load_hdf5(filename, obj):
    """Loads an object from a file in HDF5 format.

    Args:
        filename (str): Name of the file (h5py reads only real files).
        obj: Object supporting the serialization protocol.

    .. seealso:: :func:`save_hdf5`
    """
    h5py = _check_available()
    with h5py.File(filename, 'r') as f:
        HDF5Deserializer(f).load(obj)
