"""Array-module and device utilities shared by every backend."""
import sys

import numpy

from chainer_lite._backend import Device
from chainer_lite.backends import _cpu
from chainer_lite.backends import cuda
from chainer_lite.backends import intel64
from chainer_lite.backends._chainerx import ChainerxDevice  # NOQA
from chainer_lite.backends._chainerx import from_chx  # NOQA
from chainer_lite.backends._chainerx import to_chx  # NOQA
from chainer_lite.backends._cpu import CpuDevice
from chainer_lite.backends.cuda import GpuDevice
from chainer_lite.backends.intel64 import Intel64Device


def _contains_nan(x):
    """Returns whether the array ``x`` (NumPy or CuPy) has NaN values."""
    if x.dtype.kind in ('f', 'c'):
        device = get_device_from_array(x)
        with device.create_context():
            return device.xp.isnan(x).any()
    return False


def _copy_host_to_device(dst, src):
    # A direct transfer needs equal dtypes and a contiguous destination;
    # otherwise the data is sent first and converted on the device.
    contiguous = dst.flags.c_contiguous or dst.flags.f_contiguous
    if contiguous and src.dtype == dst.dtype:
        dst.set(src)
    else:
        on_device = cuda.to_gpu(src, device=dst.device)
        cuda.cupy.copyto(dst, on_device)


def copyto(dst, src):
    """Copies the elements of one array into another, across devices.

    Args:
        dst (numpy.ndarray or cupy.ndarray): Destination array.
        src (numpy.ndarray or cupy.ndarray): Source array, on any device.

    Raises:
        TypeError: ``dst`` or ``src`` is not an array.

    Example:

        >>> import numpy as np
        >>> from chainer import backend
        >>> dst = np.zeros(3, np.float32)
        >>> backend.copyto(dst, np.arange(3))
        >>> dst
        array([0., 1., 2.], dtype=float32)
    """
    if isinstance(dst, numpy.ndarray):
        numpy.copyto(dst, _cpu._to_cpu(src))
    elif cuda._is_cupy_ndarray(dst):
        if cuda._is_cupy_ndarray(src):
            cuda.cupy.copyto(dst, src)
        elif isinstance(src, get_cpu_array_types()):
            _copy_host_to_device(dst, numpy.asarray(src))
        else:
            raise TypeError('cannot copy from non-array object of type {}'
                            .format(type(src)))
    else:
        raise TypeError('cannot copy to non-array object of type {}'.format(
            type(dst)))


def _guess_device_from_array_module(xp):
    """Returns a plausible device for an array module.

    The current GPU for :mod:`cupy`, the CPU otherwise (an Intel64 device
    cannot be told from its module, which is :mod:`numpy`).
    """
    if xp is not numpy and xp is sys.modules.get('cupy'):
        return GpuDevice(cuda.Device())
    return CpuDevice()


def get_device(device_spec):
    """Returns the device object that a device specifier names.

    Args:
        device_spec: One of

            * a :class:`chainer.backend.Device`, returned as it is;
            * ``'@numpy'``: the CPU (:class:`~chainer.backend.CpuDevice`);
            * ``'@cupy:N'``, a ``cupy.cuda.Device``, or an integer (or
              integer string) ``N >= 0``: GPU ``N``
              (:class:`~chainer.backend.GpuDevice`); a negative integer
              means the CPU;
            * ``'@intel64'``: :class:`~chainer.backend.Intel64Device`
              (needs iDeep, which chainer_lite does not support);
            * any other string without ``'@'`` (``'native:0'``,
              ``'cuda:0'``): a ChainerX device, which is not available.

    Returns:
        chainer.backend.Device: The device.

    Raises:
        ValueError: a malformed ``'@...'`` specifier or GPU ID.
        RuntimeError: the device's backend (CuPy, iDeep, ChainerX) is not
            available.
        TypeError: ``device_spec`` is of another type (tuples such as
            ``('cupy', 0)`` are not accepted either).

    Example:

        >>> import chainer
        >>> chainer.get_device('@numpy')
        <CpuDevice (numpy)>
        >>> chainer.get_device(-1)
        <CpuDevice (numpy)>
    """
    if isinstance(device_spec, Device):
        return device_spec

    if isinstance(device_spec, cuda._integer_types):
        return _get_device_cupy_or_numpy(device_spec)

    if isinstance(device_spec, str):
        try:
            int_device_spec = int(device_spec)
        except ValueError:
            pass
        else:
            return _get_device_cupy_or_numpy(int_device_spec)

        if device_spec.startswith('@'):
            mod_name, colon, precise_spec = device_spec[1:].partition(':')
            if mod_name == 'numpy':
                if not colon:
                    return CpuDevice()
            elif mod_name == 'cupy':
                if colon:
                    return GpuDevice.from_device_id(int(precise_spec))
            elif mod_name == 'intel64':
                if not colon:
                    return Intel64Device()
            raise ValueError(
                'Device specifiers starting with \'@\' must be followed by'
                ' a module name and depending on the module, module specific'
                ' precise device specifiers. Actual: {}'.format(device_spec))

        # Chainer reads a specifier without '@' as a ChainerX device.
        raise RuntimeError(
            'Tried to parse ChainerX device specifier \'{}\', '
            'but ChainerX is not available. '
            'Note that device specifiers without \'@\' prefix are '
            'assumed to be ChainerX device '
            'specifiers.'.format(device_spec))

    if cuda._is_cupy_device(device_spec):
        return GpuDevice(device_spec)

    raise TypeError(
        'Device specifier must be a backend.Device, cuda.Device,'
        ' chainerx.Device, integer or a string. Actual: {}'.format(
            type(device_spec)))


def _get_device_cupy_or_numpy(device_id):
    # The legacy integer specifier: a GPU ID, or a negative number for CPU.
    if device_id >= 0:
        return GpuDevice.from_device_id(device_id)
    return CpuDevice()


def using_device(device_spec):
    """Returns a context manager that makes a device current in this thread.

    Args:
        device_spec: A device specifier (see :func:`chainer.get_device`).

    Example:

        >>> import chainer
        >>> with chainer.using_device('@numpy'):
        ...     pass
    """
    return get_device(device_spec).create_context()


def get_array_module(*args):
    """Returns the array module (:mod:`numpy` or :mod:`cupy`) for arguments.

    Args:
        args: Arrays or :class:`~chainer.Variable` objects.

    Returns:
        module: :mod:`cupy` if any argument lives on a GPU, else :mod:`numpy`.

    Example:

        >>> import numpy as np
        >>> from chainer import backend
        >>> backend.get_array_module(np.zeros(2)) is np
        True
    """
    for arg in args:
        if type(arg) is numpy.ndarray:
            continue
        array = getattr(arg, '_data', None)
        if array is not None:  # a Variable
            arg = array[0]
        if cuda._is_cupy_array(arg):
            return cuda.cupy
    return numpy


def get_device_from_array(*arrays):
    """Returns the device on which the first non-NumPy array lives.

    Variables are not looked into: pass ``v.array``.

    Args:
        arrays: Arrays (or anything else, which counts as CPU).

    Returns:
        chainer.backend.Device: The GPU device of the first CuPy array, else
        the CPU device.

    Example:

        >>> import numpy as np
        >>> from chainer import backend
        >>> backend.get_device_from_array(np.zeros(2))
        <CpuDevice (numpy)>
    """
    for array in arrays:
        if cuda._is_cupy_array(array):
            device = GpuDevice.from_array(array)
            if device is not None:
                return device
    return CpuDevice()


_cpu_array_types = (numpy.ndarray,)
# (numpy.ndarray, cupy.ndarray) once CuPy has been imported and works.
_all_array_types = None


def get_array_types():
    """Returns the array types that Chainer functions accept.

    ``numpy.ndarray``, plus ``cupy.ndarray`` once CuPy is in use (before
    anything imports CuPy no CuPy array can exist, so it is not imported
    here).

    Returns:
        tuple of types.
    """
    global _all_array_types
    if _all_array_types is not None:
        return _all_array_types
    if 'cupy' not in sys.modules:
        return _cpu_array_types
    if cuda.available:
        _all_array_types = (numpy.ndarray, cuda.ndarray)
    else:
        _all_array_types = _cpu_array_types
    return _all_array_types


def get_cpu_array_types():
    """Returns the array types that live on the CPU: ``(numpy.ndarray,)``."""
    return _cpu_array_types


def is_arrays_compatible(arrays):
    """Tells whether arrays can be used together (all CPU or all CuPy).

    ``None`` entries are ignored. Do not use this to tell whether one object
    is an array: use ``isinstance(obj, chainer.get_array_types())``.

    Args:
        arrays (iterable): Arrays or ``None``.

    Returns:
        bool: ``True`` if the arrays are all of the first array's kind.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> chainer.is_arrays_compatible([np.zeros(1), None, np.ones(2)])
        True
        >>> chainer.is_arrays_compatible([np.zeros(1), 1.0])
        False
    """
    types = None
    for a in arrays:
        if a is None:
            continue
        if types is None:
            types = (cuda.ndarray if cuda._is_cupy_ndarray(a)
                     else _cpu_array_types)
        if not isinstance(a, types):
            return False
    return True
