"""Strict fake CuPy: NumPy behind CuPy's interface and rules (see README)."""
import functools
import warnings

import numpy

from cupy import cuda  # NOQA
from cupy import _core
from cupy._core import ndarray  # NOQA
from cupy._core import ufunc  # NOQA

__version__ = '14.0.0+strictfake'

# NumPy names that CuPy does not have (NumPy 2.x vs CuPy 14/15).
_NOT_IN_CUPY = frozenset("""
False_ ScalarType True_ asmatrix block bmat busday_count busday_offset
busdaycalendar bytes_ char character clongdouble complex256 core ctypeslib
datetime64 datetime_as_string datetime_data einsum_path emath errstate f2py
flexible float128 frompyfunc fromregex geomspace get_include getbufsize geterr
geterrcall histogram_bin_edges info insert is_busday isnat longdouble ma matrix
matvec memmap nanpercentile nanquantile ndenumerate nditer nested_iters object_
polyder polydiv polyint rec recarray record sctypeDict setbufsize seterr
seterrcall show_runtime spacing str_ strings test timedelta64 typecodes typing
unstack vecdot vecmat void vectorize
""".split())

# Routines that answer about dtypes or shapes, not with arrays.
_DTYPE_QUERIES = frozenset("""
can_cast common_type dtype finfo iinfo isdtype isscalar issubdtype ndim
min_scalar_type promote_types result_type shape size typename
""".split())

# Subpackages are the fake's own, never NumPy's.
_SUBMODULES = frozenset(['fft', 'lib', 'linalg', 'random', 'testing',
                         'polynomial', 'exceptions', 'typing', 'dtypes'])

_cache = {}


def __getattr__(name):
    if name in _cache:
        return _cache[name]
    if name.startswith('_') or name in _NOT_IN_CUPY \
            or name in _SUBMODULES or not hasattr(numpy, name):
        raise AttributeError("module 'cupy' has no attribute '{}'".format(
            name))
    obj = getattr(numpy, name)
    if isinstance(obj, numpy.ufunc):
        obj = ufunc(obj)
    elif isinstance(obj, type) or not callable(obj):
        pass  # dtypes, constants
    elif name in _DTYPE_QUERIES:
        obj = _dtype_query(obj)
    else:
        obj = _core.routine(obj, name)
    _cache[name] = obj
    return obj


def _dtype_query(func):
    @functools.wraps(func)
    def call(*args, **kwargs):
        args = [a.dtype if isinstance(a, ndarray) and func.__name__ in (
            'result_type', 'can_cast', 'common_type', 'min_scalar_type')
            else a for a in args]
        args = [a._a if isinstance(a, ndarray) else a for a in args]
        return func(*args, **kwargs)
    return call


# Creation from data: the only routines that take NumPy arrays.

def array(obj, dtype=None, copy=True, order='K', subok=False, ndmin=0):
    host = _core.to_numpy_for_creation(obj)
    return _core.wrap(numpy.array(host, dtype=dtype, copy=True, order=order,
                                  ndmin=ndmin))


def asarray(a, dtype=None, order=None, copy=None):
    if isinstance(a, ndarray) and a.device == cuda.Device() and (
            dtype is None or numpy.dtype(dtype) == a.dtype):
        return a
    return array(a, dtype=dtype, order=order or 'K')


asanyarray = asarray


def ascontiguousarray(a, dtype=None):
    if not isinstance(a, ndarray):
        raise _core.unsupported(a)
    if a.flags.c_contiguous and (dtype is None or a.dtype == dtype):
        return a
    return _core.wrap(numpy.ascontiguousarray(a._a, dtype=dtype))


def asnumpy(a, stream=None, order='C', out=None):
    if isinstance(a, ndarray):
        return a.get(stream=stream, order=order, out=out)
    return numpy.asarray(a, order=order)


def copyto(dst, src, casting='same_kind', where=None):
    if not isinstance(dst, ndarray):
        raise _core.unsupported(dst)
    if isinstance(src, numpy.ndarray):
        if src.size != 1:
            raise ValueError(
                'non-scalar numpy.ndarray cannot be used for copyto')
        src = src.squeeze()[()]
    elif isinstance(src, ndarray):
        src = src._a
    kwargs = {} if where is None else {'where': _core.argument(where)}
    numpy.copyto(dst._a, src, casting=casting, **kwargs)


def get_array_module(*args):
    for arg in args:
        if isinstance(arg, ndarray):
            import cupy
            return cupy
    return numpy


def is_available():
    return True


# Memoization, fusion and kernels.

_memos = []


def memoize(for_each_device=False):
    def decorator(f):
        cache = {}
        _memos.append(cache)

        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items())),
                   cuda.Device().id if for_each_device else None)
            if key not in cache:
                cache[key] = f(*args, **kwargs)
            return cache[key]
        return wrapper
    return decorator


def clear_memo():
    for cache in _memos:
        cache.clear()


def fuse(*args, **kwargs):
    # A fused function runs op by op on fake arrays.
    if len(args) == 1 and not kwargs and callable(args[0]):
        return args[0]
    return lambda f: f


class _NoKernel(object):

    def __init__(self, *args, **kwargs):
        self.args = args

    def __call__(self, *args, **kwargs):
        raise NotImplementedError(
            'the strict fake CuPy cannot run hand-written CUDA kernels')


class ElementwiseKernel(_NoKernel):
    pass


class ReductionKernel(_NoKernel):
    pass


class RawKernel(_NoKernel):
    pass


class _MemoryPool(object):

    def used_bytes(self):
        return 0

    def total_bytes(self):
        return 0

    def free_all_blocks(self):
        pass


_memory_pool = _MemoryPool()
_pinned_memory_pool = _MemoryPool()


def get_default_memory_pool():
    return _memory_pool


def get_default_pinned_memory_pool():
    return _pinned_memory_pool


with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    from cupy import fft  # NOQA
    from cupy import lib  # NOQA
    from cupy import linalg  # NOQA
    from cupy import random  # NOQA
    from cupy import testing  # NOQA


def product(*args, **kwargs):
    # CuPy keeps this alias of prod, which NumPy 2 removed.
    return _core.routine(numpy.prod, 'prod')(*args, **kwargs)
