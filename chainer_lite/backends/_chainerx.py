"""ChainerX names; chainer_lite does not support ChainerX.

``from_chx`` passes NumPy/CuPy arrays through unchanged, as Chainer does; the
operations that would need ChainerX raise ``RuntimeError``.
"""
import numpy

from chainer_lite import _backend
from chainer_lite.backends import cuda


_NOT_AVAILABLE = ("ChainerX is not available. (chainer_lite does not support "
                  "ChainerX: use the '@numpy' or '@cupy:N' devices.)")


class ChainerxDevice(_backend.Device):
    """Device for the ChainerX backend; not supported, so never created.

    Args:
        device (chainerx.Device): The ChainerX device.

    Raises:
        RuntimeError: always, as ChainerX is not available.
    """

    def __init__(self, device):
        raise RuntimeError(_NOT_AVAILABLE)

    @staticmethod
    def from_array(array):
        """Returns the device of a ChainerX array: ``None`` for anything else.

        No ChainerX array can exist here, so this is always ``None``.
        """
        return None

    @staticmethod
    def from_fallback_device(device):
        """Returns the ChainerX device sharing ``device``'s physical device.

        Raises:
            RuntimeError: always, as ChainerX is not available.
        """
        raise RuntimeError(_NOT_AVAILABLE)


def to_chx(array):
    """Converts an array or arrays to ChainerX without copy.

    ``None`` stays ``None``; any array raises ``RuntimeError`` as ChainerX is
    not available.
    """
    return _backend._convert_arrays(array, _array_to_chainerx)


def from_chx(array):
    """Converts an array or arrays from ChainerX to NumPy/CuPy without copy.

    NumPy and CuPy arrays (and ``None``) are returned as they are; other
    objects raise ``TypeError``.

    Example:

        >>> import numpy as np
        >>> from chainer import backend
        >>> x = np.zeros(2)
        >>> backend.from_chx(x) is x
        True
    """
    return _backend._convert_arrays(array, _array_from_chainerx)


def _array_to_chainerx(array):
    if array is None:
        return None
    raise RuntimeError(_NOT_AVAILABLE)


def _array_from_chainerx(array):
    if array is None:
        return None
    if isinstance(array, numpy.ndarray) or cuda._is_cupy_ndarray(array):
        return array
    raise TypeError(
        'Tried to convert to a non-ChainerX array from an invalid type: '
        '{}'.format(type(array)))
