"""Reads a whole NPZ archive into memory, validated, without ever unpickling.

Chainer stores an uninitialized parameter as ``numpy.asarray(None)``, which
``numpy.save`` writes as a pickle. That one value is recognised by walking
the pickle's opcodes with a tiny interpreter that only builds inert
placeholders (nothing is imported or called); every other pickled object is
refused.
"""
import io
import os
import pickletools
import zipfile
import zlib

import numpy
from numpy.lib import format as npy_format


class NpzArrays(object):
    """Read-only mapping of the arrays of an NPZ archive, held in memory.

    Lookups behave like :class:`numpy.lib.npyio.NpzFile`: a missing key
    raises ``KeyError('<key> is not a file in the archive')``. Each array is
    handed out as it is the first time and as a copy afterwards, so that two
    consumers never share one array.

    Args:
        arrays (dict): Arrays by key.
    """

    def __init__(self, arrays):
        self._arrays = arrays
        self._handed_out = set()

    @property
    def files(self):
        """Keys of the archive (member names without ``.npy``)."""
        return list(self._arrays)

    def keys(self):
        return self._arrays.keys()

    def __iter__(self):
        return iter(self._arrays)

    def __len__(self):
        return len(self._arrays)

    def __contains__(self, key):
        return key in self._arrays

    def __getitem__(self, key):
        try:
            array = self._arrays[key]
        except KeyError:
            raise KeyError('{} is not a file in the archive'.format(key))
        if key in self._handed_out:
            return array.copy()
        self._handed_out.add(key)
        return array


def read_npz(file):
    """Reads and validates every array of an NPZ archive.

    Args:
        file (str, path-like or file-like): The archive; a file object is
            read from its current position to the end.

    Returns:
        NpzArrays: The arrays, keyed like :func:`numpy.load` keys them.

    Raises:
        ValueError: The data is not a complete, valid NPZ archive, or holds
            a pickled object other than Chainer's ``None``.
    """
    if isinstance(file, (str, bytes, os.PathLike)):
        source = os.fsdecode(file)
        with open(file, 'rb') as f:
            data = f.read()
    else:
        source = getattr(file, 'name', None) or type(file).__name__
        data = file.read()
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(
                'load_npz needs a file opened in binary mode; read() '
                'returned {}'.format(type(data).__name__))
        data = bytes(data)
    return NpzArrays(_read_archive(data, source))


def _error(source, detail):
    return ValueError('cannot load NPZ file {!r}: {}'.format(source, detail))


def _read_archive(data, source):
    if data[:6] == npy_format.MAGIC_PREFIX:
        raise _error(source, 'this is a single-array .npy file, not an .npz '
                             'archive')
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError,
            EOFError) as e:
        raise _error(source, 'not a zip archive, or truncated ({})'.format(
            e)) from e
    arrays = {}
    with archive:
        for info in archive.infolist():
            name = info.filename
            if not name.endswith('.npy'):
                continue  # numpy.savez never writes other members
            key = name[:-4]
            try:
                raw = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError,
                    ValueError, RuntimeError, NotImplementedError) as e:
                raise _error(source, 'member {!r} is corrupt or truncated '
                                     '({})'.format(name, e)) from e
            arrays[key] = _read_npy(raw, key, source)
    return arrays


def _read_npy(raw, key, source):
    stream = io.BytesIO(raw)
    try:
        version = npy_format.read_magic(stream)
        if version == (1, 0):
            shape, fortran_order, dtype = \
                npy_format.read_array_header_1_0(stream)
        elif version in ((2, 0), (3, 0)):
            # Version 3 differs only by a UTF-8 header, which the 2.0 reader
            # decodes as Latin-1: enough for the dtypes Chainer writes.
            shape, fortran_order, dtype = \
                npy_format.read_array_header_2_0(stream)
        else:
            raise ValueError('unsupported .npy version {}'.format(version))
    except (ValueError, EOFError, SyntaxError, TypeError) as e:
        raise _error(source, 'array {!r} has a corrupt header ({})'.format(
            key, e)) from e
    offset = stream.tell()

    if dtype.hasobject:
        if (dtype == numpy.dtype(object) and shape == ()
                and _is_pickled_none_array(raw[offset:])):
            return numpy.asarray(None)
        raise _error(source, 'array {!r} holds pickled Python objects; '
                             'load_npz never unpickles data (only the None '
                             'that Chainer stores for an uninitialized '
                             'parameter is accepted)'.format(key))

    count = 1
    for n in shape:
        count *= n
    nbytes = count * dtype.itemsize
    if len(raw) - offset < nbytes:
        raise _error(source, 'array {!r} is truncated: {} bytes of data, {} '
                             'expected'.format(key, len(raw) - offset,
                                               nbytes))
    if dtype.itemsize == 0:
        return numpy.empty(shape, dtype)
    flat = numpy.frombuffer(raw, dtype=dtype, count=count, offset=offset)
    if fortran_order:
        array = flat.reshape(shape[::-1]).transpose()
    else:
        array = flat.reshape(shape)
    # A private, writable copy (the buffer of ``raw`` is read-only).
    return array.copy(order='K')


class _Global(object):
    # An allowed global, referenced by name only: never imported or called.
    __slots__ = ('name',)

    def __init__(self, name):
        self.name = name


class _Reduced(object):
    # The inert result of calling an allowed global on some arguments.
    __slots__ = ('func', 'args', 'state')

    def __init__(self, func, args):
        self.func = func
        self.args = args
        self.state = None


_RECONSTRUCT = _Global('_reconstruct')
_NDARRAY = _Global('ndarray')
_DTYPE = _Global('dtype')
_CODECS_ENCODE = _Global('encode')
_ALLOWED_GLOBALS = {
    ('numpy.core.multiarray', '_reconstruct'): _RECONSTRUCT,
    ('numpy._core.multiarray', '_reconstruct'): _RECONSTRUCT,
    ('numpy', 'ndarray'): _NDARRAY,
    ('numpy', 'dtype'): _DTYPE,
    # Python 3 pickles bytes as _codecs.encode(str, 'latin1') in protocol 2.
    ('_codecs', 'encode'): _CODECS_ENCODE,
}

_MARK = object()

_PUSH_ARG = frozenset([
    'INT', 'BININT', 'BININT1', 'BININT2', 'LONG', 'LONG1', 'LONG4',
    'FLOAT', 'BINFLOAT', 'STRING', 'BINSTRING', 'SHORT_BINSTRING',
    'UNICODE', 'BINUNICODE', 'SHORT_BINUNICODE', 'BINUNICODE8',
    'BINBYTES', 'SHORT_BINBYTES', 'BINBYTES8'])
_PUSH_CONST = {'NONE': None, 'NEWTRUE': True, 'NEWFALSE': False,
               'EMPTY_TUPLE': ()}
_TUPLE_N = {'TUPLE1': 1, 'TUPLE2': 2, 'TUPLE3': 3}


class _Refused(Exception):
    pass


def _pop_to_mark(stack):
    items = []
    while True:
        item = stack.pop()
        if item is _MARK:
            items.reverse()
            return items
        items.append(item)


def _lookup_global(module, name):
    func = _ALLOWED_GLOBALS.get((module, name))
    if func is None:
        raise _Refused('{}.{}'.format(module, name))
    return func


def _interpret(payload):
    # Runs the pickle's opcodes on inert placeholders; returns the result.
    stack = []
    memo = {}
    for opcode, arg, _ in pickletools.genops(payload):
        op = opcode.name
        if op in _PUSH_ARG:
            stack.append(arg)
        elif op in _PUSH_CONST:
            stack.append(_PUSH_CONST[op])
        elif op in ('PROTO', 'FRAME'):
            pass
        elif op == 'GLOBAL':
            module, name = arg.split(' ', 1)
            stack.append(_lookup_global(module, name))
        elif op == 'STACK_GLOBAL':
            name = stack.pop()
            module = stack.pop()
            if not (isinstance(module, str) and isinstance(name, str)):
                raise _Refused('STACK_GLOBAL on non-strings')
            stack.append(_lookup_global(module, name))
        elif op == 'MEMOIZE':
            memo[len(memo)] = stack[-1]
        elif op in ('PUT', 'BINPUT', 'LONG_BINPUT'):
            memo[arg] = stack[-1]
        elif op in ('GET', 'BINGET', 'LONG_BINGET'):
            stack.append(memo[arg])
        elif op == 'MARK':
            stack.append(_MARK)
        elif op == 'TUPLE':
            stack.append(tuple(_pop_to_mark(stack)))
        elif op in _TUPLE_N:
            n = _TUPLE_N[op]
            items = tuple(stack[-n:])
            del stack[-n:]
            stack.append(items)
        elif op == 'EMPTY_LIST':
            stack.append([])
        elif op == 'LIST':
            stack.append(_pop_to_mark(stack))
        elif op == 'APPEND':
            item = stack.pop()
            stack[-1].append(item)
        elif op == 'APPENDS':
            items = _pop_to_mark(stack)
            stack[-1].extend(items)
        elif op == 'REDUCE':
            args = stack.pop()
            func = stack.pop()
            if not isinstance(func, _Global) or not isinstance(args, tuple):
                raise _Refused('REDUCE on a non-global')
            if func is _CODECS_ENCODE:
                if (len(args) != 2 or not isinstance(args[0], str)
                        or args[1] not in ('latin1', 'latin-1')):
                    raise _Refused('unexpected _codecs.encode call')
                stack.append(args[0].encode('latin-1'))
            else:
                stack.append(_Reduced(func, args))
        elif op == 'BUILD':
            state = stack.pop()
            obj = stack[-1]
            if not isinstance(obj, _Reduced) or obj.state is not None:
                raise _Refused('BUILD on an unexpected object')
            obj.state = state
        elif op == 'STOP':
            return stack.pop()
        else:
            raise _Refused('opcode ' + op)
    raise _Refused('no STOP opcode')


def _is_pickled_none_array(payload):
    """Whether ``payload`` is the pickle of ``numpy.asarray(None)``.

    Args:
        payload (bytes): The data part of an object-dtype ``.npy`` member.

    Returns:
        bool: ``True`` only for a 0-dimensional object array holding None.
    """
    try:
        result = _interpret(payload)
    except (_Refused, ValueError, KeyError, IndexError, AttributeError,
            TypeError, EOFError):
        return False
    if not (isinstance(result, _Reduced) and result.func is _RECONSTRUCT):
        return False
    if not (len(result.args) == 3 and result.args[0] is _NDARRAY
            and result.args[2] in (b'b', 'b')):
        return False
    state = result.state
    if not isinstance(state, tuple) or len(state) not in (4, 5):
        return False
    shape, dtype, fortran, data = state[-4:]
    if not (isinstance(dtype, _Reduced) and dtype.func is _DTYPE
            and dtype.args and isinstance(dtype.args[0], str)
            and dtype.args[0].startswith('O')):
        return False
    return shape == () and not fortran and data == [None]
