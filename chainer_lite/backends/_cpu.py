"""CPU backend: the NumPy device and conversion of arrays to NumPy."""
import numpy

from chainer_lite import _backend
from chainer_lite.backends import cuda


class CpuDevice(_backend.Device):
    """Device for the CPU (NumPy) backend; its specifier is ``'@numpy'``.

    Example:

        >>> from chainer import backend
        >>> device = backend.CpuDevice()
        >>> device
        <CpuDevice (numpy)>
        >>> device == backend.get_device('@numpy')
        True
    """

    name = '@numpy'
    xp = numpy
    supported_array_types = (numpy.ndarray,)

    # Defining __eq__ drops the inherited __hash__; keep hashing by name.
    __hash__ = _backend.Device.__hash__

    @staticmethod
    def from_array(array):
        """Returns a :class:`CpuDevice` for a NumPy array, else ``None``."""
        if isinstance(array, numpy.ndarray):
            return CpuDevice()
        return None

    def __eq__(self, other):
        return isinstance(other, CpuDevice)

    def __repr__(self):
        return '<%s (numpy)>' % type(self).__name__

    def send_array(self, array):
        return _array_to_cpu(array)

    def is_array_supported(self, array):
        return isinstance(array, numpy.ndarray)


def _to_cpu(array):
    """Converts an array, or a list or tuple of arrays, to NumPy."""
    return _backend._convert_arrays(array, _array_to_cpu)


def _array_to_cpu(array):
    if array is None:
        return None
    if isinstance(array, numpy.ndarray):
        return array
    if cuda._is_cupy_array(array):
        with array.device:
            return array.get()
    if numpy.isscalar(array):
        return numpy.asarray(array)
    raise TypeError(
        'Array cannot be converted into an numpy.ndarray'
        '\nActual type: {0}.'.format(type(array)))
