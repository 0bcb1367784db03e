"""Fake ``cupy.cuda``: one fake device (ID 0); no cuDNN, no NVTX."""
import time

from cupy.cuda import cublas  # NOQA
from cupy.cuda import driver  # NOQA
from cupy.cuda import memory_hook  # NOQA
from cupy.cuda import runtime  # NOQA

_current = [0]
nvtx_enabled = False


class Device(object):
    """A device ID on a stack of current devices."""

    def __init__(self, device=None):
        # As CuPy's, the ID is checked when the device is made current.
        self.id = _current[-1] if device is None else int(device)

    def _check(self):
        if not 0 <= self.id < runtime.getDeviceCount():
            raise runtime.CUDARuntimeError(
                'cudaErrorInvalidDevice: invalid device ordinal')

    def __enter__(self):
        self._check()
        _current.append(self.id)
        return self

    def __exit__(self, *args):
        _current.pop()

    def use(self):
        self._check()
        _current[-1] = self.id

    def synchronize(self):
        pass

    @property
    def compute_capability(self):
        return '90'

    def __eq__(self, other):
        return isinstance(other, Device) and other.id == self.id

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self.id)

    def __int__(self):
        return self.id

    def __repr__(self):
        return '<CUDA Device {}>'.format(self.id)


class Stream(object):

    def __init__(self, non_blocking=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def synchronize(self):
        pass


Stream.null = Stream()


def get_current_stream():
    return Stream.null


class Event(object):

    def __init__(self, *args, **kwargs):
        self.time = None

    def record(self, stream=None):
        self.time = time.perf_counter()

    def synchronize(self):
        pass


def get_elapsed_time(start_event, end_event):
    return (end_event.time - start_event.time) * 1e3


def alloc_pinned_memory(size):
    # Host memory that numpy.frombuffer can view, as CuPy's pinned memory.
    return bytearray(size)


def get_device_id():
    return _current[-1]


def is_available():
    return True
