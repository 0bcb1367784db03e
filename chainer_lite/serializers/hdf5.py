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


def _child_path(group, key):
    return group.name + '/' + key


def _compression_for(data, level):
    # Scalars and single elements are stored uncompressed (h5py cannot
    # chunk them).
    return level if data.size > 1 else None


def _read_into(dataset, value):
    # Arrays are filled in place; other values (scalars, strings) are
    # rebuilt with their own type.
    if isinstance(value, numpy.ndarray):
        dataset.read_direct(value)
    elif cuda._is_cupy_array(value):
        value.set(numpy.asarray(dataset, value.dtype))  # host to device
    elif isinstance(value, str):
        # h5py 3 reads strings back as bytes.
        stored = dataset[()]
        value = stored.decode('utf-8') if isinstance(stored, bytes) \
            else str(stored)
    else:
        value = type(value)(numpy.asarray(dataset))
    return value


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
        child = self.group.require_group(_child_path(self.group, key))
        return HDF5Serializer(child, self.compression)

    def __call__(self, key, value):
        if value is None:
            # An empty dataset records None; h5py has them from 2.7 on.
            h5py = _h5py()
            version = getattr(getattr(h5py, 'version', None),
                              'version_tuple', None)
            if version is not None and tuple(version[:3]) < (2, 7, 0):
                raise RuntimeError(
                    'h5py>=2.7.0 is required to serialize None.')
            data, level = h5py.Empty('f'), None
        elif isinstance(value, str):
            data, level = value, None  # h5py stores Python strings itself
        else:
            data = _cpu._to_cpu(value)
            level = _compression_for(data, self.compression)
        self.group.create_dataset(key, data=data, compression=level)
        return value


def save_hdf5(filename, obj, compression=4):
    """Saves an object to a file in HDF5 format.

    Args:
        filename (str): Target file name (h5py writes only to real files).
        obj: Object supporting the serialization protocol, or a dictionary
            of arrays to save as it is.
        compression (int): Gzip level (0-9) of arrays with several
            elements.

    .. seealso:: :func:`load_hdf5`
    """
    h5py = _check_available()
    with h5py.File(filename, 'w') as f:
        if isinstance(obj, dict):
            for key, value in obj.items():
                data = numpy.asarray(value)
                try:
                    f.create_dataset(
                        '/' + key.lstrip('/'), data=data,
                        compression=_compression_for(data, compression))
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
        try:
            child = self.group.require_group(_child_path(self.group, key))
        except ValueError:
            # A file opened read-only has no such group; the error comes
            # when (and if) a value is read from it.
            child = None
        return HDF5Deserializer(child, strict=self.strict)

    def __call__(self, key, value):
        if self.group is None:
            if self.strict:
                raise ValueError('Inexistent group is specified')
            return value
        if key not in self.group and not self.strict:
            return value
        dataset = self.group[key]
        if dataset.shape is None:  # an Empty dataset stands for None
            return None
        if value is None:
            return numpy.asarray(dataset)
        return _read_into(dataset, value)


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
