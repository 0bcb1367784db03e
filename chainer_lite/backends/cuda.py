"""CuPy backend: ``chainer.backends.cuda``, also reachable as ``chainer.cuda``.

CuPy is optional and imported on first use: ``import chainer_lite`` never
imports it. Reading a CuPy-dependent name (``available``, ``cupy``,
``ndarray``, ``Device``, ``cudnn_enabled``, ...) looks for CuPy once; without
it ``available`` is False, ``ndarray``/``Device``/``Event``/``Stream`` are
placeholder classes (``isinstance`` checks simply fail) and every GPU
operation raises ``RuntimeError`` saying why CuPy could not be used.
"""
import binascii
import functools
import itertools
import os
import sys
import threading
import types
import warnings

import numpy

from chainer_lite import _backend
from chainer_lite.backends import _cpu
# ``config`` is re-exported, as in Chainer.
from chainer_lite.configuration import config  # NOQA


# Set by _load() on first use. They are only annotated here, not assigned, so
# that reading one before CuPy was looked for goes through __getattr__ below.
available: bool
cudnn_enabled: bool
cupy: types.ModuleType
ndarray: type
Device: type
Event: type
Stream: type
# Defined only when CuPy imports (and, for cudnn, when cuDNN loads):
# cupyx, cuda (cupy.cuda), cublas, cudnn, libcudnn, memory_pool,
# pinned_memory_pool.

_CUPY_NAMES = frozenset([
    'available', 'cudnn_enabled', 'cupy', 'cupyx', 'cuda', 'cublas',
    'ndarray', 'Device', 'Event', 'Stream', 'cudnn', 'libcudnn',
    'memory_pool', 'pinned_memory_pool', '_resolution_error', '_cupy_major',
    '_cudnn_version', '_cudnn_disabled_by_user', '_PerformanceWarning'])

_loaded = False
_load_lock = threading.Lock()

_integer_types = (int, numpy.integer)


class _UnavailableCupy(object):
    """Stands for :mod:`cupy` when it cannot be imported.

    ``xp is cuda.cupy`` comparisons keep working; using any attribute raises
    an ``AttributeError`` that says why CuPy is unavailable.
    """

    def __init__(self, error):
        self._error = error

    def __getattr__(self, name):
        raise AttributeError(
            'cupy.{} cannot be used: CuPy is not available ({}: {}). Install '
            'CuPy to use GPUs.'.format(
                name, type(self._error).__name__, self._error))

    def __repr__(self):
        return '<cupy (not available)>'


class _PlaceholderArray(object):
    """Stands for ``cupy.ndarray`` without CuPy; no object is an instance."""


class _PlaceholderDevice(object):
    """Stands for ``cupy.cuda.Device`` without CuPy; a do-nothing context."""

    def __init__(self, device=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass


class _PlaceholderEvent(object):
    """Stands for ``cupy.cuda.Event`` without CuPy."""


class _PlaceholderStream(object):
    """Stands for ``cupy.cuda.Stream`` without CuPy."""


# Error messages and reprs should name them as Chainer's dummies are named.
for _cls, _name in ((_PlaceholderArray, 'ndarray'),
                    (_PlaceholderDevice, 'Device'),
                    (_PlaceholderEvent, 'Event'),
                    (_PlaceholderStream, 'Stream')):
    _cls.__name__ = _cls.__qualname__ = _name
del _cls, _name


class _PlaceholderPerformanceWarning(Warning):
    """Stands for ``cupy._util.PerformanceWarning`` without CuPy."""


def _load():
    """Looks for CuPy (once) and fills in the module's CuPy-dependent names."""
    global _loaded
    if _loaded:
        return
    with _load_lock:
        if not _loaded:
            # One update, so other threads never see half of the names.
            globals().update(_import_cupy())
            _loaded = True


def _import_cupy():
    # Returns the CuPy-dependent names of this module, by name.
    names = {
        '_cupy_major': 0, '_cudnn_version': -1, '_resolution_error': None,
        'cudnn_enabled': False,
        '_cudnn_disabled_by_user':
            int(os.environ.get('CHAINER_CUDNN', '1')) == 0,
    }
    try:
        import cupy
        from cupy import cuda
        from cupy.cuda import cublas
        import cupyx
        import cupyx.scipy.linalg  # NOQA
        import cupyx.scipy.special  # NOQA
        try:
            from cupy._util import PerformanceWarning
        except ImportError:
            from cupy.util import PerformanceWarning
    except Exception as e:
        names.update(
            available=False, cupy=_UnavailableCupy(e),
            ndarray=_PlaceholderArray, Device=_PlaceholderDevice,
            Event=_PlaceholderEvent, Stream=_PlaceholderStream,
            _PerformanceWarning=_PlaceholderPerformanceWarning,
            _resolution_error=e)
        return names

    names.update(
        available=True, cupy=cupy, cupyx=cupyx, cuda=cuda, cublas=cublas,
        ndarray=cupy.ndarray, Device=cuda.Device, Event=cuda.Event,
        Stream=cuda.Stream, _PerformanceWarning=PerformanceWarning,
        _cupy_major=int(cupy.__version__.split('.')[0]),
        memory_pool=cupy.get_default_memory_pool(),
        pinned_memory_pool=cupy.get_default_pinned_memory_pool())
    try:
        import cupy.cuda.cudnn
        import cupy.cudnn
    except Exception as e:
        names['_resolution_error'] = e
        # Chainer keeps `libcudnn` defined even without cuDNN.
        names['libcudnn'] = object()
        return names
    enabled = not names['_cudnn_disabled_by_user']
    names.update(cudnn=cupy.cudnn, libcudnn=cupy.cuda.cudnn,
                 cudnn_enabled=enabled)
    if enabled:
        names['_cudnn_version'] = cupy.cuda.cudnn.getVersion()
    return names


def __getattr__(name):
    # Only reached for names not (yet) in the module's namespace.
    if name in _CUPY_NAMES and not _loaded:
        _load()
        if name in globals():
            return globals()[name]
    if name in _CUPY_NAMES:
        raise AttributeError(
            'module {!r} has no attribute {!r}: {} is not available '
            '({}: {})'.format(
                __name__, name, "CuPy's cuDNN" if available else 'CuPy',
                type(_resolution_error).__name__, _resolution_error))
    raise AttributeError(
        'module {!r} has no attribute {!r}'.format(__name__, name))


def _is_cupy_array(x):
    """Whether the type of ``x`` is defined by CuPy (arrays, sparse matrices).

    Only the type's module name is read, so CuPy is never imported here: no
    CuPy object can exist before something else imported it.
    """
    return type(x).__module__.startswith('cupy')


def _is_cupy_ndarray(x):
    """Whether ``x`` is a ``cupy.ndarray``, without importing CuPy."""
    if not _is_cupy_array(x):
        return False
    _load()
    return isinstance(x, ndarray)


def _is_cupy_device(x):
    """Whether ``x`` is a ``cupy.cuda.Device``, without importing CuPy."""
    if not _is_cupy_array(x):
        return False
    _load()
    return available and isinstance(x, Device)


def _is_device_id(x):
    # A CUDA device ID: a non-negative (Python or NumPy) integer.
    return isinstance(x, _integer_types) and x >= 0


def check_cuda_available():
    """Checks that CUDA (CuPy) can be used.

    Nothing happens when it can; otherwise a ``RuntimeError`` says why (the
    error met importing CuPy). When CuPy works but cuDNN does not, a warning
    is issued once.

    Example:

        >>> from chainer.backends import cuda
        >>> if not cuda.available:
        ...     try:
        ...         cuda.check_cuda_available()
        ...     except RuntimeError as e:
        ...         print(str(e).splitlines()[0])
        ... else:
        ...     print('CUDA environment is not correctly set up')
        CUDA environment is not correctly set up
    """
    _load()
    if not available:
        raise RuntimeError(
            'CUDA environment is not correctly set up\n'
            '(see https://github.com/chainer/chainer#installation).'
            + str(_resolution_error))
    if (not cudnn_enabled and not _cudnn_disabled_by_user
            and not getattr(check_cuda_available, '_already_warned', False)):
        warnings.warn(
            'cuDNN is not enabled.\n'
            'Please reinstall CuPy after you install cudnn\n'
            '(see https://docs-cupy.chainer.org/en/stable/install.html'
            '#install-cudnn).')
        check_cuda_available._already_warned = True


class DummyDeviceType(object):
    """A do-nothing stand-in for ``cupy.cuda.Device`` that denotes the CPU.

    Its ``id`` and ``int()`` are -1; it works as a context manager and its
    ``use``/``synchronize`` do nothing.
    """

    id = -1

    def __init__(self):
        pass

    def __int__(self):
        return -1

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def use(self):
        """Does nothing (the CPU has no current-device state)."""
        pass

    def synchronize(self):
        """Does nothing (the CPU runs synchronously)."""
        pass

    def __eq__(self, other):
        return isinstance(other, DummyDeviceType)

    def __ne__(self, other):
        return not (self == other)


DummyDevice = DummyDeviceType()


class GpuDevice(_backend.Device):
    """Device for the GPU (CuPy) backend; its specifier is ``'@cupy:N'``.

    Args:
        device (cupy.cuda.Device): The CUDA device.

    Use :meth:`from_device_id` or :func:`chainer.get_device` rather than this
    constructor. Creating one without CuPy raises ``RuntimeError``.
    """

    # Defining __eq__ drops the inherited __hash__; keep hashing by name.
    __hash__ = _backend.Device.__hash__

    def __init__(self, device):
        check_cuda_available()
        assert isinstance(device, Device)
        super(GpuDevice, self).__init__()
        self.device = device

    @property
    def xp(self):
        return cupy

    @property
    def supported_array_types(self):
        return (ndarray,)

    @staticmethod
    def from_device_id(device_id):
        """Returns the :class:`GpuDevice` of a CUDA device ID (an int >= 0)."""
        check_cuda_available()
        if not _is_device_id(device_id):
            raise ValueError('Invalid CUDA device ID: {}'.format(device_id))
        return GpuDevice(Device(device_id))

    @staticmethod
    def from_array(array):
        """Returns the :class:`GpuDevice` of a CuPy array, else ``None``."""
        if _is_cupy_ndarray(array) and array.device is not None:
            return GpuDevice(array.device)
        return None

    @property
    def name(self):
        return '@cupy:{}'.format(self.device.id)

    def __eq__(self, other):
        if not isinstance(other, GpuDevice):
            return False
        return self.device == other.device

    def __repr__(self):
        return '<{} (cupy):{}>'.format(
            self.__class__.__name__, self.device.id)

    def create_context(self):
        # A cupy.cuda.Device object cannot be shared across threads as a
        # context, hence a fresh one.
        return Device(self.device.id)

    def send_array(self, array):
        return _array_to_gpu(array, self.device, None)

    def use(self):
        self.device.use()

    def is_array_supported(self, array):
        return _is_cupy_ndarray(array) and self.device == array.device


def get_device_from_id(device_id):
    """Returns the CUDA device of an ID, or the CPU's dummy device.

    Args:
        device_id (int or None): A device ID. ``None`` or a negative ID means
            the CPU.

    Returns:
        ``cupy.cuda.Device(device_id)``, or :data:`DummyDevice` for the CPU.
    """
    if device_id is not None and device_id >= 0:
        check_cuda_available()
        return Device(int(device_id))
    return DummyDevice


def get_device_from_array(*arrays):
    """Returns the CUDA device of the first CuPy array among ``arrays``.

    .. deprecated:: v6.0.0
        Use :func:`chainer.backend.get_device_from_array` instead.

    Variables are not looked into: pass ``v.array``.

    Returns:
        The array's ``cupy.cuda.Device``, or :data:`DummyDevice` when no
        argument is a CuPy array.
    """
    for array in arrays:
        if _is_cupy_ndarray(array) and array.device is not None:
            return array.device
    return DummyDevice


def get_device(*args):
    """Returns a CUDA device from a device, an ID or an array (deprecated).

    .. deprecated:: v3.0.0
        Use :func:`get_device_from_id` or :func:`get_device_from_array`.

    The first integer, CuPy array or ``cupy.cuda.Device`` among ``args``
    selects the device; :data:`DummyDevice` is returned when there is none.
    """
    warnings.warn('get_device is deprecated. Please use get_device_from_id or'
                  ' get_device_from_array instead.', DeprecationWarning)
    return _get_cuda_device(*args)


def _get_cuda_device(*args):
    # A cupy.cuda.Device, or DummyDevice when no argument names a GPU.
    for arg in args:
        if isinstance(arg, _integer_types) and not isinstance(arg, bool):
            check_cuda_available()
            return Device(arg)
        if _is_cupy_ndarray(arg):
            if arg.device is None:
                continue
            return arg.device
        if _is_cupy_device(arg):
            return arg
    return DummyDevice


def _get_device_or_current(device):
    # None -> the current device; a cupy.cuda.Device as it is; an ID >= 0 ->
    # its device. Chainer's callers check CUDA first; checking here too
    # gives the same clear error to callers that do not.
    check_cuda_available()
    if device is None:
        return cupy.cuda.Device()
    if isinstance(device, Device):
        return device
    if not _is_device_id(device):
        raise ValueError('Invalid CUDA device specifier: {}'.format(device))
    return cupy.cuda.Device(int(device))


def to_gpu(array, device=None, stream=None):
    """Copies an array, or a list or tuple of arrays, to a GPU.

    Args:
        array: A NumPy/CuPy array or NumPy scalar, ``None``, or a list or
            tuple of them.
        device: A CUDA device ID or ``cupy.cuda.Device``. ``None`` or
            :data:`DummyDevice` means the current device.
        stream (cupy.cuda.Stream): Deprecated: a stream for an asynchronous
            copy.

    Returns:
        The CuPy array(s), in a container of the input's type. Arrays already
        on the device are returned without copy; ``None`` stays ``None``.

    Raises:
        RuntimeError: CuPy is not available.
    """
    if stream is not None:
        warnings.warn(
            'The stream option is deprecated in chainer.backends.cuda.to_gpu. '
            'Please remove it.', DeprecationWarning)
    check_cuda_available()
    if device is DummyDevice:
        device = cupy.cuda.Device()
    else:
        device = _get_device_or_current(device)
    return _backend._convert_arrays(
        array, functools.partial(_array_to_gpu, device=device, stream=stream))


def _array_to_gpu(array, device, stream):
    if array is None:
        return None
    if isinstance(array, (numpy.number, numpy.bool_)):
        array = numpy.asarray(array)
    if _is_cupy_ndarray(array):
        if array.device == device:
            return array
        is_numpy = False
    elif isinstance(array, numpy.ndarray):
        is_numpy = True
    else:
        raise TypeError(
            'The array sent to gpu must be an array or a NumPy scalar.'
            '\nActual type: {0}.'.format(type(array)))

    with device:
        if stream is not None:
            with stream:
                return _copy_to_current_device(array, is_numpy)
        return _copy_to_current_device(array, is_numpy)


def _copy_to_current_device(array, is_numpy):
    if is_numpy:
        return cupy.asarray(array)
    # An array on another GPU has to be copied explicitly.
    return cupy.array(array, copy=True)


def to_cpu(array, stream=None):
    """Copies an array, or a list or tuple of arrays, to the host (NumPy).

    Works without CuPy for NumPy arrays and scalars.

    Args:
        array: A NumPy/CuPy array or NumPy scalar, ``None``, or a list or
            tuple of them.
        stream (cupy.cuda.Stream): CUDA stream of the copy.

    Returns:
        The NumPy array(s), in a container of the input's type. NumPy arrays
        are returned without copy and ``None`` stays ``None``.

    Example:

        >>> import numpy as np
        >>> from chainer.backends import cuda
        >>> x = np.arange(3)
        >>> cuda.to_cpu(x) is x
        True
        >>> cuda.to_cpu([x, None])[1] is None
        True
    """
    return _backend._convert_arrays(
        array, lambda arr: _array_to_cpu(arr, stream))


def _array_to_cpu(array, stream):
    if array is None:
        return None
    if _is_cupy_ndarray(array):
        check_cuda_available()
        with array.device:
            return array.get(stream)
    return _cpu._array_to_cpu(array)


def copy(array, out=None, out_device=None, stream=None):
    """Copies a CuPy array, possibly to another GPU.

    Args:
        array (cupy.ndarray): The array to copy.
        out (cupy.ndarray): The destination; when given, ``out_device`` is
            ignored.
        out_device: Where to allocate the copy when ``out`` is ``None``: a
            device ID, a ``cupy.cuda.Device`` or an array on that device
            (default: the device of ``array``).
        stream: Must be ``None`` (asynchronous copies are not supported).

    Returns:
        cupy.ndarray: The copy.
    """
    check_cuda_available()
    assert stream is None
    if out is None:
        if out_device is None:
            out_device = array
        with _get_cuda_device(out_device):
            out = cupy.empty_like(array)
    with array.device:
        cupy.copyto(out, array)
    return out


def memoize(for_each_device=False):
    """Makes a function memoize its result per argument (and per device).

    With CuPy this is :func:`cupy.memoize`; without it the decorated function
    is simply called each time. Which of the two applies is decided at the
    first call, so decorating never imports CuPy.

    Args:
        for_each_device (bool): Keep a separate cache for each GPU.
    """
    def decorator(f):
        # (cupy module, memoized f): rebuilt if CuPy is ever reloaded.
        memoized = [None, None]

        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            _load()
            if not available:
                return f(*args, **kwargs)
            if memoized[0] is not cupy:
                memoized[:] = [cupy, cupy.memoize(for_each_device)(f)]
            return memoized[1](*args, **kwargs)
        return wrapper
    return decorator


def clear_memo():
    """Clears the caches of functions decorated by :func:`memoize`.

    Does nothing without CuPy.
    """
    if 'cupy' in sys.modules:
        _load()
        if available:
            cupy.clear_memo()


@memoize()
def elementwise(in_params, out_params, operation, name, **kwargs):
    """Returns a cached :class:`cupy.ElementwiseKernel`.

    The arguments are those of :class:`cupy.ElementwiseKernel`; ``name`` is
    required. Raises ``RuntimeError`` without CuPy.
    """
    check_cuda_available()
    return cupy.ElementwiseKernel(
        in_params, out_params, operation, name, **kwargs)


@memoize()
def reduce(in_params, out_params, map_expr, reduce_expr, post_map_expr,
           identity, name, **kwargs):
    """Returns a cached :class:`cupy.ReductionKernel`.

    The arguments are those of :class:`cupy.ReductionKernel`; ``name`` is
    required. Raises ``RuntimeError`` without CuPy.
    """
    check_cuda_available()
    return cupy.ReductionKernel(in_params, out_params, map_expr,
                                reduce_expr, post_map_expr, identity, name,
                                **kwargs)


@memoize()
def raw(code, name, *args, **kwargs):
    """Returns a cached :class:`cupy.RawKernel`.

    The arguments are those of :class:`cupy.RawKernel`. Raises
    ``RuntimeError`` without CuPy.
    """
    check_cuda_available()
    return cupy.RawKernel(code, name, *args, **kwargs)


def get_array_module(*args):
    """Returns :mod:`cupy` or :mod:`numpy` for the arguments (deprecated).

    .. deprecated:: v5.0.0
        Use :func:`chainer.backend.get_array_module` instead, which this
        calls.
    """
    from chainer_lite import backend
    return backend.get_array_module(*args)


def get_max_workspace_size():
    """Returns the cuDNN workspace size in bytes (0 without cuDNN)."""
    _load()
    if cudnn_enabled:
        return cudnn.get_max_workspace_size()
    return 0


def set_max_workspace_size(size):
    """Sets the cuDNN workspace size in bytes (does nothing without cuDNN).

    Args:
        size (int): The workspace size.
    """
    _load()
    if cudnn_enabled:
        cudnn.set_max_workspace_size(size)


def fuse(*args, **kwargs):
    """Function-fusing decorator: :func:`cupy.fuse` for CuPy arrays.

    Usable as ``@fuse`` or ``@fuse(kernel_name=...)``. Calls whose arguments
    include a CuPy array run the fused kernel (built on first such call);
    other calls, and every call without CuPy, run the plain function, which
    is also what :func:`cupy.fuse` does for NumPy inputs.

    Example:

        >>> import numpy as np
        >>> from chainer.backends import cuda
        >>> @cuda.fuse()
        ... def squared_diff(x, y):
        ...     return (x - y) * (x - y)
        >>> squared_diff(np.array([1., 2.]), np.array([3., 2.]))
        array([4., 0.])
    """
    # Bare use: the only argument is the function to fuse.
    if not kwargs and len(args) == 1 and callable(args[0]):
        return _lazily_fused(args[0], (), {})
    return functools.partial(
        _lazily_fused, fuse_args=args, fuse_kwargs=kwargs)


def _lazily_fused(func, fuse_args, fuse_kwargs):
    # (cupy module, fused func): rebuilt if CuPy is ever reloaded.
    fused = [None, None]

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for arg in args:
            if _is_cupy_array(arg):
                _load()
                if fused[0] is not cupy:
                    fused[:] = [
                        cupy, cupy.fuse(*fuse_args, **fuse_kwargs)(func)]
                return fused[1](*args, **kwargs)
        return func(*args, **kwargs)
    return wrapper


_SHOULD_USE_CUDNN = {
    '==always': {'always': True, 'auto': False, 'never': False},
    '>=auto': {'always': True, 'auto': True, 'never': False},
}


def should_use_cudnn(level, lowest_version=0):
    """Tells whether cuDNN should be used (always ``False`` without it).

    Checks ``chainer.config.use_cudnn`` against ``level`` and the cuDNN
    version against ``lowest_version``.

    Args:
        level (str): ``'==always'`` (use cuDNN only when ``use_cudnn`` is
            ``'always'``) or ``'>=auto'`` (when it is ``'always'`` or
            ``'auto'``).
        lowest_version (int): The lowest cuDNN version required.

    Returns:
        bool: ``True`` if the caller should use cuDNN.
    """
    _load()
    if _cudnn_version < lowest_version:
        return False
    if level not in _SHOULD_USE_CUDNN:
        raise ValueError('invalid cuDNN use level: %s '
                         '(must be either of "==always" or ">=auto")' %
                         repr(level))
    flags = _SHOULD_USE_CUDNN[level]
    use_cudnn = config.use_cudnn
    if use_cudnn not in flags:
        raise ValueError('invalid use_cudnn configuration: %s '
                         '(must be either of "always", "auto", or "never")' %
                         repr(use_cudnn))
    return flags[use_cudnn]


_TENSOR_CORE_FLAGS = {'always': True, 'auto': None, 'never': False}


def should_use_cudnn_tensor_core(dtype):
    """Tells whether cuDNN should use Tensor Cores for ``dtype``.

    Follows ``chainer.config.use_cudnn_tensor_core``; with ``'auto'`` it asks
    cuDNN (``False`` without cuDNN).

    Args:
        dtype (numpy.dtype): The dtype of the input tensor.

    Returns:
        bool: ``True`` if Tensor Cores should be used.
    """
    use_tensor_core = config.use_cudnn_tensor_core
    if use_tensor_core not in _TENSOR_CORE_FLAGS:
        raise ValueError('invalid use_cudnn_tensor_core configuration: %s '
                         '(must be either of "always", "auto", or "never")' %
                         repr(use_tensor_core))
    flag = _TENSOR_CORE_FLAGS[use_tensor_core]
    if flag is None:
        _load()
        return bool(cudnn_enabled) and cudnn.is_tensor_core_available(dtype)
    return flag


def get_cudnn_dropout_states():
    """Returns the cuDNN dropout states of the current thread and device.

    Raises:
        RuntimeError: cuDNN is not enabled.
    """
    _load()
    if not cudnn_enabled:
        raise RuntimeError('cuDNN is not enabled.')
    return get_cudnn_dropout_states_core(threading.current_thread().ident)


_dropout_states_count = itertools.count()


@memoize(for_each_device=True)
def get_cudnn_dropout_states_core(thread_id):
    """Creates (once per thread and device) cuDNN dropout states.

    The seed is ``CHAINER_SEED`` when set, else random, plus a counter so that
    each thread gets its own stream of random numbers.
    """
    states_id = next(_dropout_states_count)
    seed = os.getenv('CHAINER_SEED')
    if seed is None:
        seed = numpy.uint64(int(binascii.hexlify(os.urandom(8)), 16))
    else:
        seed = numpy.uint64(seed)
    seed += numpy.uint64(states_id)
    return cudnn.DropoutStates(None, seed)
