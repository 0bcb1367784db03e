"""The :class:`Device` base class shared by every backend (CPU, GPU, ...)."""


def _convert_arrays(array, func):
    """Applies ``func`` to an array, or to each array of a list or tuple.

    ``None`` entries stay ``None``, and an array object that appears several
    times in the container is converted once, so the result keeps the
    aliasing of the input.
    """
    if isinstance(array, (list, tuple)):
        converted = {}
        ret = []
        for arr in array:
            if arr is None:
                ret.append(None)
                continue
            key = id(arr)
            new = converted.get(key)
            if new is None:
                new = func(arr)
                converted[key] = new
            ret.append(new)
        return type(array)(ret)
    return func(array)


class _DummyContext(object):
    """A context manager that does nothing (for devices without state)."""

    def __enter__(self):
        pass

    def __exit__(self, typ, value, traceback):
        pass


_dummy_context = _DummyContext()


class Device(object):
    """Base class of the unified device objects.

    Concrete devices are :class:`chainer.backend.CpuDevice`,
    :class:`chainer.backend.GpuDevice`, :class:`chainer.backend.Intel64Device`
    and :class:`chainer.backend.ChainerxDevice`. Get one with
    :func:`chainer.get_device`; devices compare equal when they denote the same
    physical device, are hashable, and print as their specifier string.

    Example:

        >>> import chainer
        >>> device = chainer.get_device('@numpy')
        >>> str(device), device.xp.__name__
        ('@numpy', 'numpy')
    """

    @property
    def xp(self):
        """Array module (:mod:`numpy` or :mod:`cupy`) of the device."""
        raise NotImplementedError(
            'Device implementation must override this property.')

    @property
    def name(self):
        """Unique name of the device, which is also its specifier string."""
        raise NotImplementedError(
            'Device implementation must override this property.')

    @property
    def supported_array_types(self):
        """Tuple of the array types the device's module functions handle."""
        raise NotImplementedError(
            'Device implementation must override this property.')

    def __str__(self):
        return self.name

    def __enter__(self):
        # Devices are not context managers: entering a device made it current
        # only in old CuPy-centric code, and silently doing nothing would hide
        # that.
        raise RuntimeError(
            'Device class does not support runtime context using `with` '
            'statement. Use chainer.using_device instead.')

    def __exit__(self, exc_type, exc_value, traceback):
        # Defined only so that ``with device:`` reaches ``__enter__``'s error.
        pass

    def __eq__(self, other):
        raise NotImplementedError(
            'Device implementation must override this method.')

    def __ne__(self, other):
        return not (self == other)

    def __hash__(self):
        return hash(self.name)

    def create_context(self):
        """Returns a context manager in which the device is made current.

        :func:`chainer.using_device` calls this method.
        """
        return _dummy_context

    def send(self, arrays):
        """Transfers an array, or a list or tuple of arrays, to the device.

        Args:
            arrays: An array or a list or tuple of arrays (NumPy or CuPy);
                ``None`` entries are kept as ``None``.

        Returns:
            The transferred array(s), in a container of the input's type.
            Arrays already on the device are returned as they are.
        """
        return _convert_arrays(arrays, self.send_array)

    def send_array(self, array):
        """Transfers one array to the device (implemented by each device)."""
        raise NotImplementedError(
            'Device implementation must override this method.')

    def use(self):
        """Makes the device current in the current thread."""
        pass

    def is_array_supported(self, array):
        """Returns whether ``array`` can be used on this device as it is.

        Args:
            array: An array to check.

        Returns:
            bool: ``True`` if the array lives on this device.
        """
        raise NotImplementedError(
            'Device implementation must override this method.')
