"""DeviceResident: objects (links, ...) whose arrays live on one device.

``to_device`` moves such an object and everything it holds by sending a
visitor through it: each resident's ``device_resident_accept`` hands its
arrays, variables and child residents to the visitor.
"""
import abc
import threading
import warnings

from chainer_lite import backend
from chainer_lite.backends import _chainerx
from chainer_lite.backends import _cpu
from chainer_lite.backends import cuda
from chainer_lite.backends import intel64
from chainer_lite.utils import meta


# ``flag_gpu_to_gpu`` detects GPU-to-GPU transfers that ``to_gpu`` skips. It
# is normally None (warn on a skip); a caller that wants to know sets it to
# False, reads True after a skip, and resets it to None.
_thread_local = threading.local()
_thread_local.flag_gpu_to_gpu = None


class DeviceResident(meta.enable_final(meta_base=abc.ABCMeta)):
    """Base class of objects that live on a device with their sub-objects.

    :class:`~chainer.Link` derives from it. ``to_device``, ``to_chx`` and
    ``from_chx`` cannot be overridden; overriding the deprecated ``to_cpu``,
    ``to_gpu`` or ``to_intel64`` warns, and the override is then still called
    whenever the resident is moved to the matching kind of device.
    """

    _device = _cpu.CpuDevice()

    def __init__(self):
        self._overridden_to_methods = tuple(
            name for name in ('to_cpu', 'to_gpu', 'to_intel64')
            if _is_to_device_method_overridden(self, name))

    def device_resident_accept(self, visitor):
        """Applies a visitor to this object and the device objects it holds.

        Override it (calling ``super()``) in a class that holds arrays or
        other residents, handing each to ``visitor``.

        Args:
            visitor (~chainer.device_resident.DeviceResidentsVisitor): The
                visitor.
        """
        visitor.visit_device_resident(self)

    @property
    def device(self):
        """The :class:`~chainer.backend.Device` the object lives on."""
        return self._device

    @property
    def xp(self):
        """Array module of the device (:mod:`numpy` or :mod:`cupy`)."""
        device = self.device
        if device is None:
            return None
        return device.xp

    @meta.final(action=DeprecationWarning)
    def to_cpu(self):
        """Copies the parameters and persistent values to the CPU.

        .. deprecated:: v7.0.0
            Use :meth:`to_device` (``to_device('@numpy')``) instead.

        Attributes that are not registered are not copied.

        Returns: self
        """
        visitor = _ToDeviceVisitor(
            backend.CpuDevice(),
            entry_method_info=('to_cpu', {}),
            starting_device_resident=self)
        self.device_resident_accept(visitor)
        return self

    @meta.final(action=DeprecationWarning)
    def to_gpu(self, device=None):
        """Copies the parameters and persistent values to a GPU.

        .. deprecated:: v7.0.0
            Use :meth:`to_device` (``to_device('@cupy:N')``) instead.

        Arrays already on some GPU are left where they are (with a warning
        when that is another GPU); :meth:`to_device` moves them.

        Args:
            device: A CUDA device ID or ``cupy.cuda.Device``; the current
                device if omitted.

        Returns: self

        Raises:
            RuntimeError: CuPy is not available.
        """
        cuda.check_cuda_available()
        gpu = cuda.GpuDevice(cuda._get_device_or_current(device))
        visitor = _ToDeviceVisitor(
            gpu,
            entry_method_info=('to_gpu', {'device': gpu.device}),
            skip_between_cupy_devices=True,
            starting_device_resident=self)
        self.device_resident_accept(visitor)
        return self

    @meta.final(action=DeprecationWarning)
    def to_intel64(self):
        """Copies the parameters and persistent values to the iDeep device.

        .. deprecated:: v7.0.0
            Use :meth:`to_device` instead.

        Raises:
            RuntimeError: always, as iDeep is not available.
        """
        intel64.check_ideep_available()

    @meta.final
    def to_chx(self):
        """Converts the parameters and persistent values to ChainerX.

        Raises:
            RuntimeError: always, as ChainerX is not available.
        """
        raise RuntimeError(_chainerx._NOT_AVAILABLE)

    @meta.final
    def from_chx(self):
        """Converts the parameters and persistent values from ChainerX.

        Nothing here lives on ChainerX, so arrays stay as they are.

        Returns: self
        """
        self.device_resident_accept(_FromChxVisitor())
        return self

    @meta.final
    def to_device(self, device):
        """Copies the parameters and persistent values to a device.

        Attributes that are not registered are not copied; a class holding
        such arrays overrides :meth:`device_resident_accept`.

        Args:
            device: A device specifier (see :func:`chainer.get_device`).

        Returns: self

        Example:

            >>> from chainer import device_resident
            >>> resident = device_resident.DeviceResident()
            >>> resident.to_device('@numpy').device
            <CpuDevice (numpy)>
        """
        device = backend.get_device(device)
        self.device_resident_accept(_ToDeviceVisitor(device))
        return self


def _is_to_device_method_overridden(device_resident, method_name):
    return (getattr(type(device_resident), method_name)
            is not getattr(DeviceResident, method_name))


class DeviceResidentsVisitor(object):
    """Base class of visitors that walk a hierarchy of device residents.

    See :meth:`~chainer.DeviceResident.device_resident_accept`.
    """

    def visit_device_resident(self, device_resident):
        """Processes a :class:`~chainer.DeviceResident`."""
        raise NotImplementedError()

    def visit_array(self, arr):
        """Processes an array and returns the new (or the same) array."""
        raise NotImplementedError()

    def visit_variable(self, param):
        """Processes a :class:`~chainer.Variable` (or a ``Parameter``)."""
        raise NotImplementedError()


class _ToDeviceVisitor(DeviceResidentsVisitor):
    # Moves every resident, array and variable to one device.
    #
    # ``entry_method_info`` is (method name, kwargs) when a deprecated
    # to_cpu/to_gpu/to_intel64 started the walk; a resident that overrides
    # the method matching the target device gets that override called
    # instead of being moved here (except the resident that started it, to
    # avoid an endless loop through its own override).

    _deprecated_method_targets = {
        'to_cpu': '@numpy',
        'to_gpu': '@cupy:N',
        'to_intel64': '@intel64',
    }

    def __init__(self, device, entry_method_info=None,
                 skip_between_cupy_devices=False,
                 starting_device_resident=None):
        assert isinstance(device, backend.Device)
        if entry_method_info is not None:
            method = entry_method_info[0]
            warnings.warn(
                '{} is deprecated. Please use to_device(\'{}\') instead.'
                .format(method, self._deprecated_method_targets[method]),
                DeprecationWarning)
        self._device = device
        self._entry_method_info = entry_method_info
        # With skip_between_cupy_devices, objects already on some GPU stay
        # where they are (the legacy to_gpu behaviour).
        self._keep_across_gpus = skip_between_cupy_devices
        # The object the visit started from (its own to_* method is the
        # caller, so it is not called again).
        self._origin = starting_device_resident

    def visit_device_resident(self, device_resident):
        device_resident._device = self._device
        overridden = device_resident._overridden_to_methods
        if not overridden or device_resident is self._origin:
            return
        if self._entry_method_info is not None:
            method_name, kwargs = self._entry_method_info
        else:
            method_name, kwargs = _to_method_of_device(self._device)
        if method_name in overridden:
            getattr(device_resident, method_name)(**kwargs)

    def visit_array(self, arr):
        device = backend.get_device_from_array(arr)
        if self._skip_visiting(device):
            self._warn_to_gpu(device, self._device)
            return arr
        return self._device.send(arr)

    def visit_variable(self, param):
        device = param.device
        if self._skip_visiting(device):
            self._warn_to_gpu(device, self._device)
            return
        param.to_device(self._device)

    def _skip_visiting(self, obj_device):
        return (self._keep_across_gpus
                and isinstance(self._device, cuda.GpuDevice)
                and isinstance(obj_device, cuda.GpuDevice))

    @staticmethod
    def _warn_to_gpu(src_device, dst_device):
        src_id = src_device.device.id
        dst_id = dst_device.device.id
        if src_id == dst_id:
            return
        if getattr(_thread_local, 'flag_gpu_to_gpu', None) is None:
            warnings.warn(
                'You are trying to transfer a DeviceResident to GPU-{dst} '
                'which is already on GPU-{src}.\n'
                '`DeviceResident.to_gpu` does nothing if the DeviceResident '
                'is already on GPU.\n\n'
                'You can use `DeviceResident.to_device()` method to perform '
                'inter-GPU transfer.\n'.format(dst=dst_id, src=src_id),
                RuntimeWarning)
        else:
            _thread_local.flag_gpu_to_gpu = True


def _to_method_of_device(device):
    # The deprecated to_* method (and its kwargs) that moves to ``device``.
    if isinstance(device, cuda.GpuDevice):
        return 'to_gpu', {'device': device.device.id}
    if isinstance(device, _cpu.CpuDevice):
        return 'to_cpu', {}
    if isinstance(device, intel64.Intel64Device):
        return 'to_intel64', {}
    return None, {}


class _FromChxVisitor(DeviceResidentsVisitor):
    # Converts arrays and variables back from ChainerX (a no-op for arrays
    # that are not ChainerX ones).

    def visit_device_resident(self, device_resident):
        pass

    def visit_array(self, arr):
        return backend.from_chx(arr)

    def visit_variable(self, param):
        param.from_chx()
