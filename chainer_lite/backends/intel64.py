"""iDeep (Intel64) backend names; chainer_lite does not support iDeep.

The names Chainer code imports exist and answer honestly:
:func:`is_ideep_available` and :func:`should_use_ideep` are False, and
creating an :class:`Intel64Device` raises a ``RuntimeError`` pointing to the
NumPy device.
"""
import numpy

from chainer_lite import _backend
from chainer_lite.backends import _cpu
# ``config`` is re-exported, as in Chainer.
from chainer_lite.configuration import config  # NOQA


_REASON = ("chainer_lite does not support iDeep (ideep4py); use the NumPy "
           "device '@numpy' (backend.CpuDevice) instead.")


class mdarray(object):
    """Stands for ``ideep4py.mdarray``; no object is an instance of it."""


class Intel64Device(_backend.Device):
    """Device for the Intel64 (iDeep) backend, specifier ``'@intel64'``.

    iDeep is not supported, so creating one raises ``RuntimeError``.
    """

    xp = numpy
    name = '@intel64'
    supported_array_types = (numpy.ndarray, mdarray)

    # Defining __eq__ drops the inherited __hash__; keep hashing by name.
    __hash__ = _backend.Device.__hash__

    def __init__(self):
        check_ideep_available()
        super(Intel64Device, self).__init__()

    @staticmethod
    def from_array(array):
        """Returns an :class:`Intel64Device` for an iDeep array, else ``None``.

        No iDeep array can exist here, so this is always ``None``.
        """
        if isinstance(array, mdarray):
            return Intel64Device()
        return None

    def __eq__(self, other):
        return isinstance(other, Intel64Device)

    def __repr__(self):
        return '<{}>'.format(self.__class__.__name__)

    def send_array(self, array):
        return _cpu._array_to_cpu(array)

    def is_array_supported(self, array):
        return isinstance(array, (numpy.ndarray, mdarray))


def is_ideep_available():
    """Returns whether iDeep can be used: always ``False`` in chainer_lite.

    Example:

        >>> from chainer.backends import intel64
        >>> intel64.is_ideep_available()
        False
    """
    return False


def check_ideep_available():
    """Raises ``RuntimeError``, saying that iDeep is not available and why."""
    raise RuntimeError(
        'iDeep is not available.\nReason: {}'.format(_REASON))


def should_use_ideep(level):
    """Tells whether iDeep should be used: always ``False`` in chainer_lite.

    Args:
        level (str): ``'==always'`` or ``'>=auto'``, compared with
            ``chainer.config.use_ideep`` where iDeep exists.

    Returns:
        bool: ``False``.
    """
    return False


def inputs_all_ready(inputs, supported_ndim=(2, 4)):
    """Tells whether inputs are ready for an iDeep primitive: always ``False``.

    Args:
        inputs (sequence of arrays or Variables): The inputs to check.
        supported_ndim (tuple of ints): The ndims the primitive supports.

    Returns:
        bool: ``False``, as iDeep is not available.
    """
    return False
