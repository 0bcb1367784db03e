"""The strict fake ``cupy.ndarray``: a NumPy array behind CuPy's rules.

What a real CuPy array refuses, this one refuses too, so that host-only code
on the GPU path fails here as it would on a GPU:

- no implicit conversion to NumPy (``numpy.asarray(x)`` raises TypeError);
- no NumPy array as an operand of an operator, ufunc or routine (TypeError
  "Unsupported type"), except where CuPy accepts one (``cupy.asarray``,
  indices, ``x[...] = value``, ``x.set``);
- reductions, indexing down to one element, etc. give 0-dim arrays, never
  NumPy scalars;
- no ``__index__``, unhashable; NumPy functions reach the fake only through
  ``__array_ufunc__`` / ``__array_function__``, as they reach CuPy.
"""
import numbers
import warnings

import numpy

from cupy import cuda


_SCALAR_TYPES = (bool, int, float, complex, numpy.generic)


def unsupported(value):
    return TypeError('Unsupported type {}'.format(type(value)))


def wrap(result):
    """NumPy results -> fake arrays (NumPy scalars become 0-dim arrays)."""
    if isinstance(result, numpy.ndarray):
        if result.dtype.kind in 'OSUV':
            raise TypeError('CuPy has no {} arrays'.format(result.dtype))
        return ndarray._from_numpy(result)
    if isinstance(result, numpy.generic):
        return ndarray._from_numpy(numpy.asarray(result))
    if isinstance(result, tuple):
        return tuple(wrap(r) for r in result)
    if isinstance(result, list):
        return [wrap(r) for r in result]
    return result


def operand(x):
    """Unwraps a kernel operand: fake arrays and scalars only."""
    if isinstance(x, ndarray):
        return x._a
    if isinstance(x, numpy.ndarray):
        raise unsupported(x)
    if isinstance(x, _SCALAR_TYPES) or x is None:
        return x
    raise unsupported(x)


def argument(x):
    """Unwraps a routine argument (sequences of arrays included).

    NumPy arrays are refused; anything that is not an array (axes, shapes,
    dtypes, strings, None) passes unchanged.
    """
    if isinstance(x, ndarray):
        return x._a
    if isinstance(x, numpy.ndarray):
        raise unsupported(x)
    if isinstance(x, (list, tuple)):
        return type(x)(argument(v) for v in x)
    return x


def index(key):
    """Unwraps an index: fake arrays, NumPy arrays and lists are accepted."""
    if isinstance(key, ndarray):
        return key._a
    if isinstance(key, tuple):
        return tuple(index(k) for k in key)
    return key


def _binary(ufunc, a, b):
    if isinstance(b, ndarray) or isinstance(b, _SCALAR_TYPES):
        return wrap(ufunc(a._a, operand(b)))
    if (getattr(b, '__array_priority__', 0.0) > a.__array_priority__
            or not isinstance(b, numpy.ndarray)):
        return NotImplemented
    raise unsupported(b)


def _reflected(ufunc, a, b):
    if isinstance(b, _SCALAR_TYPES):
        return wrap(ufunc(b, a._a))
    return NotImplemented


def _inplace(ufunc, a, b):
    ufunc(a._a, operand(b), out=a._a)
    return a


def _operators(name, ufunc):
    def forward(self, other):
        return _binary(ufunc, self, other)

    def reflected(self, other):
        return _reflected(ufunc, self, other)

    def inplace(self, other):
        return _inplace(ufunc, self, other)

    return {'__{}__'.format(name): forward, '__r{}__'.format(name): reflected,
            '__i{}__'.format(name): inplace}


class _MemoryPointer(object):
    """``x.data``: only ``ptr`` and ``device_id`` (no raw memory access)."""

    def __init__(self, array, device_id):
        self.ptr = array.__array_interface__['data'][0]
        self.device_id = device_id


class ndarray(object):
    """A NumPy array on a fake device, with CuPy's interface and rules."""

    __array_priority__ = 100.0
    __hash__ = None

    def __init__(self, shape, dtype=float, memptr=None, strides=None,
                 order='C'):
        if memptr is not None:
            raise NotImplementedError(
                'the strict fake CuPy cannot build arrays on raw memory')
        self._a = numpy.empty(shape, dtype, order=order)
        self._device = cuda.Device().id

    @classmethod
    def _from_numpy(cls, array, device=None):
        self = cls.__new__(cls)
        self._a = array
        self._device = cuda.Device().id if device is None else device
        return self

    # Attributes

    shape = property(lambda self: self._a.shape)
    dtype = property(lambda self: self._a.dtype)
    ndim = property(lambda self: self._a.ndim)
    size = property(lambda self: self._a.size)
    strides = property(lambda self: self._a.strides)
    itemsize = property(lambda self: self._a.itemsize)
    nbytes = property(lambda self: self._a.nbytes)
    flags = property(lambda self: self._a.flags)
    T = property(lambda self: wrap(self._a.T))
    mT = property(lambda self: wrap(self._a.mT))
    real = property(lambda self: wrap(self._a.real))
    imag = property(lambda self: wrap(self._a.imag))

    @property
    def device(self):
        return cuda.Device(self._device)

    @property
    def data(self):
        return _MemoryPointer(self._a, self._device)

    @property
    def base(self):
        base = self._a.base
        return None if base is None else wrap(base)

    # Host transfers

    def get(self, stream=None, order='C', out=None):
        if out is not None:
            numpy.copyto(out, self._a)
            return out
        return numpy.array(self._a, order=order, copy=True)

    def set(self, arr, stream=None):
        if not isinstance(arr, numpy.ndarray):
            raise TypeError('Only numpy.ndarray can be set to cupy.ndarray')
        if self.dtype != arr.dtype:
            raise TypeError(
                '{} array cannot be set to {} array'.format(
                    arr.dtype, self.dtype))
        if self.shape != arr.shape:
            raise ValueError(
                'Shape mismatch. Old shape: {}, new shape: {}'.format(
                    self.shape, arr.shape))
        self._a[...] = arr

    def __array__(self, dtype=None, copy=None):
        raise TypeError(
            'Implicit conversion to a NumPy array is not allowed. '
            'Please use `.get()` to construct a NumPy array explicitly.')

    # Python protocols

    def __len__(self):
        if self.ndim == 0:
            raise TypeError('len() of unsized object')
        return len(self._a)

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError('iteration over a 0-d array')
        return (self[i] for i in range(len(self._a)))

    def __getitem__(self, key):
        return wrap(self._a[index(key)])

    def __setitem__(self, key, value):
        if isinstance(value, ndarray):
            value = value._a
        self._a[index(key)] = value

    def __bool__(self):
        return bool(self._a)

    def __int__(self):
        return int(self._a)

    def __float__(self):
        return float(self._a)

    def __complex__(self):
        return complex(self._a)

    def __repr__(self):
        return repr(self._a)

    def __str__(self):
        return str(self._a)

    def __format__(self, spec):
        return format(self._a, spec)

    def __copy__(self):
        return self._from_numpy(self._a.copy(), self._device)

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce__(self):
        import cupy
        return cupy.array, (self.get(),)

    def __neg__(self):
        return wrap(-self._a)

    def __pos__(self):
        return wrap(+self._a)

    def __abs__(self):
        return wrap(abs(self._a))

    def __invert__(self):
        return wrap(~self._a)

    def __matmul__(self, other):
        if not isinstance(other, ndarray):
            if isinstance(other, numpy.ndarray):
                raise unsupported(other)
            return NotImplemented
        return wrap(self._a @ other._a)

    def __rmatmul__(self, other):
        return NotImplemented

    def __divmod__(self, other):
        return wrap(numpy.divmod(self._a, operand(other)))

    def _compare(self, other, ufunc):
        # CuPy accepts a 0-dim NumPy array here (as its value).
        if isinstance(other, numpy.ndarray) and other.ndim == 0:
            other = other.item()
        return _binary(ufunc, self, other)

    __eq__ = lambda self, o: self._compare(o, numpy.equal)  # NOQA
    __ne__ = lambda self, o: self._compare(o, numpy.not_equal)  # NOQA
    __lt__ = lambda self, o: self._compare(o, numpy.less)  # NOQA
    __le__ = lambda self, o: self._compare(o, numpy.less_equal)  # NOQA
    __gt__ = lambda self, o: self._compare(o, numpy.greater)  # NOQA
    __ge__ = lambda self, o: self._compare(o, numpy.greater_equal)  # NOQA

    # NumPy interoperability, as CuPy's: NumPy ufuncs and functions called
    # on fake arrays run the fake's own versions.

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        import cupy
        func = getattr(cupy, ufunc.__name__, None)
        if func is None:
            return NotImplemented
        if method != '__call__':
            func = getattr(func, method)
        for x in inputs:
            if isinstance(x, numpy.ndarray) and not (
                    x.ndim == 0 and ufunc.__name__ in _COMPARISONS):
                raise unsupported(x)
        inputs = tuple(x.item() if isinstance(x, numpy.ndarray) else x
                       for x in inputs)
        if 'out' in kwargs:
            out, = kwargs['out']
            kwargs['out'] = out
        return func(*inputs, **kwargs)

    def __array_function__(self, func, types, args, kwargs):
        import cupy
        module = cupy
        for part in func.__module__.split('.')[1:]:
            module = getattr(module, part, None)
            if module is None:
                return NotImplemented
        cupy_func = getattr(module, func.__name__, None)
        if cupy_func is None or cupy_func is func:
            return NotImplemented
        return cupy_func(*args, **kwargs)

    # Methods (those of cupy.ndarray; arguments unwrapped, results wrapped)

    def astype(self, dtype, order='K', casting=None, subok=None, copy=True):
        if not copy and numpy.dtype(dtype) == self.dtype:
            return self
        return wrap(self._a.astype(dtype, order=order, copy=True))

    def reshape(self, *shape, order='C'):
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        return wrap(self._a.reshape(shape, order=order))

    def view(self, dtype=None):
        return wrap(self._a.view() if dtype is None else self._a.view(dtype))

    def copy(self, order='C'):
        return wrap(self._a.copy(order=order))

    def fill(self, value):
        if isinstance(value, ndarray):
            value = value._a
        elif isinstance(value, numpy.ndarray):
            raise unsupported(value)
        self._a.fill(value)

    def item(self):
        return self._a.item()

    def tolist(self):
        return self._a.tolist()

    def tobytes(self, order='C'):
        return self._a.tobytes(order)

    def scatter_add(self, slices, value):
        warnings.warn('`ndarray.scatter_add` is deprecated. '
                      'Please use `cupy.add.at` instead.', DeprecationWarning)
        numpy.add.at(self._a, index(slices),
                     value._a if isinstance(value, ndarray) else value)

    def __getattr__(self, name):
        if name not in _METHODS:
            raise AttributeError(
                "'cupy.ndarray' object has no attribute '{}'".format(name))
        method = getattr(self._a, name)

        def call(*args, **kwargs):
            args = tuple(argument(a) for a in args)
            kwargs = {k: _out(v) if k == 'out' else argument(v)
                      for k, v in kwargs.items()}
            result = method(*args, **kwargs)
            if result is None:
                return None
            return wrap(result)
        return call


def _out(x):
    if isinstance(x, ndarray):
        return x._a
    if x is None:
        return None
    raise unsupported(x)


_COMPARISONS = frozenset([
    'greater', 'greater_equal', 'less', 'less_equal', 'equal', 'not_equal'])

# Methods of cupy.ndarray delegated to NumPy's as they are.
_METHODS = frozenset("""
all any argmax argmin argpartition argsort choose clip compress conj
conjugate cumprod cumsum diagonal dot flatten max mean min nonzero partition
prod ptp put ravel repeat round searchsorted sort squeeze std sum swapaxes
take trace transpose var
""".split())

for _name, _ufunc in (
        ('add', numpy.add), ('sub', numpy.subtract),
        ('mul', numpy.multiply), ('truediv', numpy.true_divide),
        ('floordiv', numpy.floor_divide), ('mod', numpy.remainder),
        ('pow', numpy.power), ('and', numpy.bitwise_and),
        ('or', numpy.bitwise_or), ('xor', numpy.bitwise_xor),
        ('lshift', numpy.left_shift), ('rshift', numpy.right_shift)):
    for _k, _v in _operators(_name, _ufunc).items():
        setattr(ndarray, _k, _v)
del _name, _ufunc, _k, _v


class ufunc(object):
    """A NumPy ufunc on fake arrays; NumPy array operands are refused."""

    def __init__(self, numpy_ufunc):
        self._ufunc = numpy_ufunc
        self.__name__ = numpy_ufunc.__name__
        self.nin = numpy_ufunc.nin
        self.nout = numpy_ufunc.nout
        self.nargs = numpy_ufunc.nargs

    def __repr__(self):
        return '<ufunc {!r}>'.format(self.__name__)

    def __call__(self, *args, **kwargs):
        out = kwargs.pop('out', None)
        args = tuple(operand(a) for a in args)
        kwargs = {k: argument(v) for k, v in kwargs.items()}
        if out is not None:
            self._ufunc(*args, out=_out(out), **kwargs)
            return out
        return wrap(self._ufunc(*args, **kwargs))

    def at(self, a, indices, b=None):
        if not isinstance(a, ndarray):
            raise unsupported(a)
        args = () if b is None else (operand(b),)
        self._ufunc.at(a._a, index(indices), *args)

    def _method(name):
        def call(self, a, *args, **kwargs):
            out = kwargs.pop('out', None)
            result = getattr(self._ufunc, name)(
                operand(a), *(argument(x) for x in args),
                **{k: argument(v) for k, v in kwargs.items()})
            if out is not None:
                out._a[...] = result
                return out
            return wrap(result)
        call.__name__ = name
        return call

    reduce = _method('reduce')
    accumulate = _method('accumulate')
    reduceat = _method('reduceat')

    def outer(self, a, b, **kwargs):
        return wrap(self._ufunc.outer(operand(a), operand(b), **kwargs))

    del _method


# Routines whose arguments after the first are shapes, axes, indices or
# section boundaries, which CuPy reads as Python sequences: NumPy arrays
# are accepted there. Shape-only creation routines accept them anywhere.
_INDEX_ARGUMENTS_AFTER_FIRST = frozenset("""
array_split broadcast_to dsplit expand_dims flip hsplit moveaxis pad repeat
reshape roll rollaxis split squeeze swapaxes take tile transpose vsplit
""".split())
_SHAPE_ONLY = frozenset('arange empty eye full identity ones zeros'.split())


def _index_like(x):
    if isinstance(x, ndarray):
        return x._a
    if isinstance(x, (list, tuple)):
        return type(x)(_index_like(v) for v in x)
    return x


def routine(numpy_func, name=None):
    """A NumPy routine on fake arrays (NumPy array operands refused)."""
    name = name or numpy_func.__name__

    def call(*args, **kwargs):
        out = kwargs.pop('out', None)
        if name in _SHAPE_ONLY:
            args = tuple(_index_like(a) for a in args)
            kwargs = {k: _index_like(v) for k, v in kwargs.items()}
        elif name in _INDEX_ARGUMENTS_AFTER_FIRST:
            args = (argument(args[0]),) + tuple(
                _index_like(a) for a in args[1:])
            kwargs = {k: _index_like(v) for k, v in kwargs.items()}
        else:
            args = tuple(argument(a) for a in args)
            kwargs = {k: argument(v) for k, v in kwargs.items()}
        if out is not None:
            numpy_func(*args, out=_out(out), **kwargs)
            return out
        return wrap(numpy_func(*args, **kwargs))
    call.__name__ = name
    call.__qualname__ = name
    call.__module__ = 'cupy'
    return call


def to_numpy_for_creation(obj):
    """What ``cupy.array``/``asarray`` accept: fake or NumPy arrays, scalars,
    and (nested) sequences of them."""
    if isinstance(obj, ndarray):
        return obj._a
    if isinstance(obj, (list, tuple)):
        if any(isinstance(o, (ndarray, list, tuple)) for o in obj):
            return numpy.array([to_numpy_for_creation(o) for o in obj])
        return obj
    if isinstance(obj, (numpy.ndarray, numbers.Number, numpy.generic)):
        return obj
    raise unsupported(obj)
