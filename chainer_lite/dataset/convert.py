"""Converters: turn a list of examples into batched arrays on a device."""
import collections

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite.backends import cuda


class Converter(object):
    """Base class of converters.

    A converter takes a batch (what an iterator returns) and a device
    (a :class:`chainer.backend.Device` or ``None``) and returns the batch
    converted and sent to that device. Subclasses implement
    :meth:`__call__`.

    .. seealso::
        :func:`chainer.dataset.converter`, which turns a plain function
        into a ``Converter``.
    """

    def __call__(self, batch, device):
        """Converts a batch.

        Args:
            batch: A batch; its type depends on the user of the converter.
            device (chainer.backend.Device): Device to send the batch to.

        Returns:
            The converted batch.
        """
        raise NotImplementedError(
            'Concrete class must implement __call__.')


class _ArbitraryCallableConverter(Converter):
    """A converter wrapping a callable whose second argument is a device.

    The device argument (positional or ``device=``) is normalised to a
    :class:`chainer.backend.Device` (or ``None``) before the call, so old
    integer device IDs keep working.
    """

    def __init__(self, base_callable):
        if not callable(base_callable):
            raise TypeError(
                'Can only wrap a callable. Actual: {}'.format(
                    type(base_callable)))
        self.base_callable = base_callable

    def __call__(self, *args, **kwargs):
        if len(args) >= 2:
            args = list(args)
            args[1] = _get_device(args[1])
        elif 'device' in kwargs:
            kwargs['device'] = _get_device(kwargs['device'])
        return self.base_callable(*args, **kwargs)


def converter():
    """Decorator that makes a :class:`Converter` out of a function.

    The decorated function takes ``(batch, device)`` and returns the
    converted batch. Whatever device specifier the caller passes (``None``,
    an integer GPU ID, ``'@numpy'``...) reaches the function as a
    :class:`chainer.backend.Device` (or ``None``).

    Converters made this way cannot be pickled; write a :class:`Converter`
    subclass when the converter has to cross process boundaries.

    Returns:
        callable: The decorator.

    Example:

        >>> import numpy
        >>> import chainer
        >>> @chainer.dataset.converter()
        ... def to_pairs(batch, device):
        ...     return [device.send(x) for x in batch]
        >>> to_pairs([numpy.zeros(2)], -1)
        [array([0., 0.])]
    """
    def wrap(func):
        return _ArbitraryCallableConverter(func)

    return wrap


def _call_converter(converter, batch, device):
    # Calls a converter of either style: a Converter gets the Device; a
    # plain (old-style) function gets the legacy integer ID or None.
    assert isinstance(device, (type(None), backend.Device))
    if not isinstance(converter, Converter):
        device = _legacy_device_id(device)
    return converter(batch, device)


def _call_with_batch(func, in_arrays, *leading):
    # Calls func on a converted batch: a tuple is spread as positional
    # arguments, a dict as keyword arguments, anything else passed as one
    # argument (after the `leading` ones).
    if isinstance(in_arrays, tuple):
        return func(*leading, *in_arrays)
    if isinstance(in_arrays, dict):
        return func(*leading, **in_arrays)
    return func(*leading, in_arrays)


def _legacy_device_id(device):
    # The integer device ID of old-style converters: None leaves arrays in
    # place, -1 is the CPU, others are GPU IDs.
    if device is None or isinstance(device, int):
        return device
    device = backend.get_device(device)
    if device.xp is numpy:
        return -1
    if device.xp is cuda.cupy:
        return device.device.id
    raise RuntimeError(
        'Converter does not support ChainerX. '
        'Use chainer.dataset.converter decorator.')


def _on_gpu(device_id):
    return device_id is not None and device_id >= 0


def _get_device(device_spec):
    # Like chainer.get_device, but None stays None ("leave arrays where
    # they are").
    if device_spec is None:
        return None
    return backend.get_device(device_spec)


def to_device(device, x):
    """Sends an array to a device.

    Args:
        device (None or int or device specifier): Where to send ``x``.
            ``None`` leaves it where it is; a negative integer means the CPU,
            a non-negative one a GPU; any specifier accepted by
            :func:`chainer.get_device` works too.
        x (numpy.ndarray or cupy.ndarray): The array.

    Returns:
        The array on the device.

    Example:

        >>> import numpy
        >>> from chainer import dataset
        >>> dataset.to_device(-1, numpy.arange(3))
        array([0, 1, 2])
    """
    device = _get_device(device)
    if device is None:
        return x
    return device.send(x)


def concat_examples_func(batch, device=None, padding=None):
    """Concatenates a list of examples into batched array(s).

    Turns a list of examples into arrays with a new leading batch axis. If
    each example is a tuple, the result is a tuple with one array per
    position; if each example is a dict, a dict with one array per key;
    otherwise a single array.

    When the arrays of one position differ in shape, ``padding`` decides:
    ``None`` (default) raises an error, otherwise the result has the
    smallest shape that holds every array and the extra elements are set to
    ``padding``. For tuple (dict) examples ``padding`` may also be a tuple
    (dict) giving one value per position (key).

    Args:
        batch (list): Examples, as returned by an iterator.
        device (device specifier): Device to send the arrays to; ``None``
            leaves them where they are (see :func:`to_device`).
        padding: Value of the extra elements, or ``None``.

    Returns:
        An array, a tuple of arrays, or a dict of arrays.

    Example:

        >>> import numpy
        >>> from chainer import dataset
        >>> dataset.concat_examples([([1, 2], 1), ([3, 4], 2)])
        (array([[1, 2],
               [3, 4]]), array([1, 2]))
        >>> dataset.concat_examples(
        ...     [numpy.array([1, 2]), numpy.array([3])], padding=-1)
        array([[ 1,  2],
               [ 3, -1]])
    """
    assert isinstance(device, (type(None), backend.Device))
    if not batch:
        raise ValueError('batch is empty')
    layout, columns = _columns(batch, padding)
    return _assemble(layout, [
        (key, to_device(device, _concat_arrays(values, pad)))
        for key, values, pad in columns])


def _columns(batch, padding):
    # Splits a batch by example position. Returns the layout (tuple, dict
    # or None for plain examples) and (key, values, padding) per position.
    first = batch[0]
    if isinstance(first, tuple):
        layout, keys = tuple, range(len(first))
        if not isinstance(padding, tuple):
            padding = (padding,) * len(first)
    elif isinstance(first, dict):
        layout, keys = dict, list(first)
        if not isinstance(padding, dict):
            padding = dict.fromkeys(keys, padding)
    else:
        return None, [(None, batch, padding)]
    return layout, [(key, [example[key] for example in batch], padding[key])
                    for key in keys]


def _assemble(layout, items):
    # Inverse of _columns, for the (key, array) pairs of the positions.
    if layout is tuple:
        return tuple(array for _, array in items)
    if layout is dict:
        return dict(items)
    return items[0][1]


def _concat_arrays(arrays, padding):
    # Stacks arrays along a new first axis. Built-in values (ints, floats,
    # lists) become one NumPy array first.
    if not isinstance(arrays[0], chainer_lite.get_array_types()):
        arrays = numpy.asarray(arrays)
    device = backend.get_device_from_array(arrays[0])
    with chainer_lite.using_device(device):
        if padding is None:
            return device.xp.stack(list(arrays))
        return _stack_padded(device.xp, arrays, padding)


def _stack_padded(xp, arrays, padding):
    # The smallest box holding every array, the rest filled with `padding`.
    box = numpy.max([numpy.shape(a) for a in arrays], axis=0)
    out = xp.full((len(arrays),) + tuple(int(n) for n in box), padding,
                  dtype=arrays[0].dtype)
    for i, src in enumerate(arrays):
        out[(i, *map(slice, numpy.shape(src)))] = src
    return out


concat_examples = converter()(concat_examples_func)


class ConcatWithAsyncTransfer(object):
    """Converter that concatenates examples and sends them to a GPU
    asynchronously.

    It overlaps the host-to-GPU copy of the next batch with the kernels
    working on the current one, using pinned host memory and a dedicated
    CUDA stream. On the CPU (device ``None`` or negative) it behaves like
    :func:`concat_examples`.

    Args:
        stream (cupy.cuda.Stream): Stream used for the copies; created on the
            first call when ``None``.
        compute_stream (cupy.cuda.Stream): Stream the compute kernels run
            on. When given, CUDA events order the copies and the kernels
            instead of synchronizing the whole device.

    Example:

        >>> import numpy
        >>> from chainer.dataset import convert
        >>> conv = convert.ConcatWithAsyncTransfer()
        >>> conv([numpy.zeros(2), numpy.ones(2)])
        array([[0., 0.],
               [1., 1.]])
    """

    def __init__(self, stream=None, compute_stream=None):
        self._stream = stream
        self.compute_stream = compute_stream

        self._device = None
        self._conveyor = collections.defaultdict(self._get_conveyor)
        if compute_stream is not None:
            # event1 keeps the CPU from overwriting arrays GPU kernels may
            # still read; event2 keeps kernels from reading arrays still in
            # flight.
            self._event1 = cuda.Event()
            self._event2 = cuda.Event()
            self._sync_get = False
        else:
            self._sync_get = True

    def _get_conveyor(self):
        return Conveyor(self._device, self._stream)

    def __call__(self, batch, device=None, padding=None):
        """Concatenates a batch and starts its transfer.

        Args:
            batch (list): Examples.
            device (int): GPU ID to send the arrays to (``None`` or negative:
                no GPU). It must be the same on every call.
            padding: Value of the extra elements (see
                :func:`concat_examples`).

        Returns:
            An array, a tuple of arrays, or a dict of arrays.
        """
        if not batch:
            raise ValueError('batch is empty')
        device = _legacy_device_id(device)

        if not self._conveyor:
            # The first call fixes the device (and creates the stream).
            self._device = device
            if self._stream is None and _on_gpu(device):
                with cuda.get_device_from_id(device):
                    self._stream = cuda.Stream(non_blocking=True)
        if device != self._device:
            raise ValueError('device is different')

        compute = self.compute_stream
        if compute is not None:
            self._event1.synchronize()
            self._event1.record(stream=compute)

        layout, columns = _columns(batch, padding)
        with cuda.get_device_from_id(device):
            if layout is None:
                _, values, pad = columns[0]
                return to_device(device, _concat_arrays(values, pad))

            # Start every transfer before waiting for any of them.
            for key, values, pad in columns:
                self._conveyor[key].put(_concat_arrays(values, pad))
            result = [(key, self._conveyor[key].get(sync=self._sync_get))
                      for key, _, _ in columns]

            if compute is not None:
                self._event2.record(stream=self._stream)
                compute.wait_event(self._event2)

        return _assemble(layout, result)


class Conveyor(object):
    """Double-buffered asynchronous transfer of arrays to a GPU.

    :meth:`put` starts sending an array; :meth:`get` returns the sent array
    (calls must alternate). Transfers are asynchronous only for a GPU
    device with a stream; otherwise :meth:`put` sends synchronously with
    :func:`to_device`.

    Args:
        device (int): Target device ID; ``None`` leaves arrays in place and
            a negative ID means the CPU.
        stream (cupy.cuda.Stream): Stream for the asynchronous copies.
    """

    def __init__(self, device=None, stream=None):
        self._device = device
        self._stream = stream
        # Two (pinned host buffer, device buffer) pairs used in turn, kept
        # while the array size stays the same.
        self._buffers = collections.deque([(None, None), (None, None)])
        self._in_flight = collections.deque()

    def _is_async(self):
        return _on_gpu(self._device) and self._stream is not None

    def put(self, array):
        """Starts the transfer of a host (NumPy) array to the device."""
        if self._is_async():
            sent = self._send_async(array)
        else:
            sent = to_device(self._device, array)
        self._in_flight.append(sent)

    def _send_async(self, array):
        host, dev = self._buffers.popleft()
        with cuda.get_device_from_id(self._device):
            if host is None or host.nbytes != array.nbytes:
                host, dev = self._allocate(array)
            host[...] = array
            dev.set(host, self._stream)
        self._buffers.append((host, dev))
        return dev

    @staticmethod
    def _allocate(array):
        # Before new buffers are taken, wait until everything queued so far
        # (on any stream) is done: no kernel may still use memory the
        # allocator could hand out again.
        cupy = cuda.cupy
        cupy.cuda.runtime.deviceSynchronize()
        memory = cupy.cuda.alloc_pinned_memory(array.nbytes)
        host = numpy.frombuffer(
            memory, array.dtype, array.size).reshape(array.shape)
        return host, cupy.empty(host.shape, host.dtype)

    def get(self, sync=True):
        """Returns the array sent by the matching :meth:`put`.

        Args:
            sync (bool): Synchronize the device so the data is ready. With
                ``False`` the caller is responsible for synchronization.
        """
        if sync and self._is_async():
            cuda.cupy.cuda.runtime.deviceSynchronize()
        return self._in_flight.popleft()
