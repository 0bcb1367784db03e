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
    assert device is None or isinstance(device, backend.Device)

    if isinstance(converter, Converter):
        return converter(batch, device)

    if device is None:
        return converter(batch, None)
    if device.xp is numpy:
        return converter(batch, -1)
    if device.xp is cuda.cupy:
        return converter(batch, device.device.id)
    raise RuntimeError(
        'Converter does not support ChainerX. '
        'Use chainer.dataset.converter decorator.')


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
    assert device is None or isinstance(device, backend.Device)
    if not batch:
        raise ValueError('batch is empty')

    first_elem = batch[0]

    if isinstance(first_elem, tuple):
        if not isinstance(padding, tuple):
            padding = [padding] * len(first_elem)
        return tuple(
            to_device(device, _concat_arrays(
                [example[i] for example in batch], padding[i]))
            for i in range(len(first_elem)))

    if isinstance(first_elem, dict):
        if not isinstance(padding, dict):
            padding = {key: padding for key in first_elem}
        return {
            key: to_device(device, _concat_arrays(
                [example[key] for example in batch], padding[key]))
            for key in first_elem}

    return to_device(device, _concat_arrays(batch, padding))


def _concat_arrays(arrays, padding):
    # Built-in values (ints, floats, lists) become one NumPy array first.
    if not isinstance(arrays[0], chainer_lite.get_array_types()):
        arrays = numpy.asarray(arrays)

    if padding is not None:
        return _concat_arrays_with_padding(arrays, padding)

    device = backend.get_device_from_array(arrays[0])
    with chainer_lite.using_device(device):
        return device.xp.concatenate([array[None] for array in arrays])


def _concat_arrays_with_padding(arrays, padding):
    shape = numpy.array(arrays[0].shape, dtype=int)
    for array in arrays[1:]:
        if numpy.any(shape != array.shape):
            numpy.maximum(shape, array.shape, shape)
    shape = (len(arrays),) + tuple(int(dim) for dim in shape)

    device = backend.get_device_from_array(arrays[0])
    with chainer_lite.using_device(device):
        result = device.xp.full(shape, padding, dtype=arrays[0].dtype)
        for i, src in enumerate(arrays):
            result[(i,) + tuple(slice(dim) for dim in src.shape)] = src
    return result


concat_examples = _ArbitraryCallableConverter(concat_examples_func)


def _legacy_device_id(device):
    # ConcatWithAsyncTransfer speaks integer IDs (None: leave in place,
    # negative: CPU); accept Device objects as well.
    if device is None or isinstance(device, int):
        return device
    device = backend.get_device(device)
    if device.xp is numpy:
        return -1
    return device.device.id


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
        first_elem = batch[0]

        if not self._conveyor:
            self._device = device  # fixed by the first call
            if device is not None and device >= 0 and self._stream is None:
                with cuda.get_device_from_id(device):
                    self._stream = cuda.Stream(non_blocking=True)
        if device != self._device:
            raise ValueError('device is different')

        if self.compute_stream is not None:
            self._event1.synchronize()
            self._event1.record(stream=self.compute_stream)

        with cuda.get_device_from_id(device):
            if isinstance(first_elem, tuple):
                if not isinstance(padding, tuple):
                    padding = [padding] * len(first_elem)
                keys = range(len(first_elem))
            elif isinstance(first_elem, dict):
                if not isinstance(padding, dict):
                    padding = {key: padding for key in first_elem}
                keys = list(first_elem)
            else:
                return to_device(device, _concat_arrays(batch, padding))

            # Start every transfer before waiting for any of them.
            for key in keys:
                self._conveyor[key].put(_concat_arrays(
                    [example[key] for example in batch], padding[key]))
            result = [(key, self._conveyor[key].get(sync=self._sync_get))
                      for key in keys]

            if self.compute_stream is not None:
                self._event2.record(stream=self._stream)
                self.compute_stream.wait_event(self._event2)

        if isinstance(first_elem, tuple):
            return tuple(array for _, array in result)
        return dict(result)


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
        # Two (pinned host buffer, device buffer) pairs, reused while the
        # array size stays the same.
        self._array_set = [[None, None], [None, None]]
        self._ret_array = []

    def _is_async(self):
        return (self._device is not None and self._device >= 0
                and self._stream is not None)

    def put(self, array):
        """Starts the transfer of a host (NumPy) array to the device."""
        if not self._is_async():
            self._ret_array.append(to_device(self._device, array))
            return

        pin_array, cp_array = self._array_set.pop(0)
        if pin_array is not None and pin_array.nbytes != array.nbytes:
            pin_array = None

        with cuda.get_device_from_id(self._device):
            if pin_array is None:
                # New buffers: wait until everything queued so far (on any
                # stream) is done, so that no kernel still uses memory the
                # allocator may hand out again.
                cuda.cupy.cuda.runtime.deviceSynchronize()
                pin_mem = cuda.cupy.cuda.alloc_pinned_memory(array.nbytes)
                pin_array = numpy.frombuffer(
                    pin_mem, array.dtype, array.size).reshape(array.shape)
                cp_array = cuda.cupy.empty(array.shape, array.dtype)

            pin_array[...] = array
            cp_array.set(pin_array, self._stream)

        self._array_set.append([pin_array, cp_array])
        self._ret_array.append(cp_array)

    def get(self, sync=True):
        """Returns the array sent by the matching :meth:`put`.

        Args:
            sync (bool): Synchronize the device so the data is ready. With
                ``False`` the caller is responsible for synchronization.
        """
        if self._is_async() and sync:
            cuda.cupy.cuda.runtime.deviceSynchronize()
        return self._ret_array.pop(0)
