import warnings

import numpy
import pytest

import chainer_lite
from chainer_lite import backend
from chainer_lite import device_resident
from chainer_lite.backends import cuda

from backends_tests.cupy_fixture import fake_cupy  # NOQA  (a fixture)


class Holder(device_resident.DeviceResident):
    """A minimal resident holding arrays, variables and child residents."""

    def __init__(self, children=(), variables=(), **arrays):
        super(Holder, self).__init__()
        self.arrays = arrays
        self.variables = list(variables)
        self.children = list(children)

    def device_resident_accept(self, visitor):
        super(Holder, self).device_resident_accept(visitor)
        for name, array in self.arrays.items():
            self.arrays[name] = visitor.visit_array(array)
        for variable in self.variables:
            visitor.visit_variable(variable)
        for child in self.children:
            child.device_resident_accept(visitor)


def _tree():
    leaf = Holder(w=numpy.ones(3, numpy.float32))
    return Holder(children=[leaf], b=numpy.zeros(2)), leaf


def test_defaults():
    holder = Holder()
    assert holder.device == backend.CpuDevice()
    assert holder.xp is numpy
    assert holder._overridden_to_methods == ()


def test_to_device_cpu_keeps_arrays():
    root, leaf = _tree()
    w = leaf.arrays['w']
    assert root.to_device('@numpy') is root
    assert leaf.arrays['w'] is w
    assert leaf.device == backend.CpuDevice()


def test_to_device_invalid_specifier():
    with pytest.raises(ValueError):
        Holder().to_device('@foo')
    with pytest.raises(RuntimeError, match='ChainerX'):
        Holder().to_device('native:0')


def test_to_cpu_is_deprecated():
    root, _ = _tree()
    with pytest.warns(DeprecationWarning, match=r"to_cpu is deprecated. "
                      r"Please use to_device\('@numpy'\) instead."):
        assert root.to_cpu() is root


def test_variables_are_visited():
    v = chainer_lite.Variable(numpy.zeros(2, numpy.float32))
    holder = Holder(variables=[v])
    holder.to_device(backend.CpuDevice())
    assert isinstance(v.array, numpy.ndarray)


@pytest.mark.skipif(cuda.available, reason='CuPy is installed')
def test_to_gpu_without_cupy():
    with pytest.raises(RuntimeError, match='CUDA environment'):
        Holder().to_gpu()
    with pytest.raises(RuntimeError, match='CUDA environment'):
        Holder().to_device('@cupy:0')


def test_intel64_and_chainerx_are_unavailable():
    holder = Holder(a=numpy.zeros(1))
    with pytest.raises(RuntimeError, match='iDeep is not available'):
        holder.to_intel64()
    with pytest.raises(RuntimeError, match='^ChainerX is not available'):
        holder.to_chx()
    a = holder.arrays['a']
    assert holder.from_chx() is holder
    assert holder.arrays['a'] is a
    assert holder.device == backend.CpuDevice()


@pytest.mark.parametrize('method', ['to_device', 'to_chx', 'from_chx'])
def test_final_methods_cannot_be_overridden(method):
    with pytest.raises(TypeError, match="method '{}' is final.".format(
            method)):
        type('Bad', (device_resident.DeviceResident,),
             {method: lambda self, *args: None})


class _OverridesToCpu(Holder):
    calls = 0

    def to_cpu(self):
        type(self).calls += 1
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            return super(_OverridesToCpu, self).to_cpu()


@pytest.mark.parametrize('method', ['to_cpu', 'to_gpu', 'to_intel64'])
def test_overriding_deprecated_methods_warns(method):
    with pytest.warns(DeprecationWarning, match="Overriding method '{}'"
                      .format(method)):
        cls = type('Old', (Holder,), {method: lambda self, *args: None})
    assert cls()._overridden_to_methods == (method,)


def test_overridden_to_cpu_is_called_for_children():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        child = type('Child', (_OverridesToCpu,), {})()
        root = Holder(children=[child])
    type(child).calls = 0
    root.to_device('@numpy')
    assert type(child).calls == 1
    with pytest.warns(DeprecationWarning):
        root.to_cpu()
    assert type(child).calls == 2
    # Calling the override directly does not loop back into it.
    child.to_cpu()
    assert type(child).calls == 3


def test_visitor_base_is_abstract():
    visitor = device_resident.DeviceResidentsVisitor()
    with pytest.raises(NotImplementedError):
        visitor.visit_device_resident(Holder())
    with pytest.raises(NotImplementedError):
        visitor.visit_array(numpy.zeros(1))
    with pytest.raises(NotImplementedError):
        visitor.visit_variable(None)


def test_custom_visitor_sees_everything():
    class Collect(device_resident.DeviceResidentsVisitor):
        def __init__(self):
            self.seen = []

        def visit_device_resident(self, resident):
            self.seen.append(resident)

        def visit_array(self, arr):
            self.seen.append(arr.shape)
            return arr

    root, leaf = _tree()
    visitor = Collect()
    root.device_resident_accept(visitor)
    assert visitor.seen == [root, (2,), leaf, (3,)]


@pytest.mark.filterwarnings('ignore:cuDNN is not enabled')
class TestWithFakeCupy:

    def test_to_device_gpu_and_back(self, fake_cupy):
        root, leaf = _tree()
        root.to_device('@cupy:1')
        assert root.device == leaf.device == backend.get_device(1)
        assert root.xp is fake_cupy
        w = leaf.arrays['w']
        assert isinstance(w, fake_cupy.ndarray) and w.device.id == 1
        root.to_device('@cupy:0')
        assert leaf.arrays['w'].device.id == 0
        root.to_device('@numpy')
        assert isinstance(leaf.arrays['w'], numpy.ndarray)
        assert root.xp is numpy

    def test_to_gpu_skips_arrays_on_other_gpus(self, fake_cupy):
        root, leaf = _tree()
        with pytest.warns(DeprecationWarning, match='to_gpu is deprecated'):
            root.to_gpu(1)
        assert leaf.arrays['w'].device.id == 1
        with pytest.warns(RuntimeWarning, match='already on GPU-1'):
            root.to_gpu(0)
        assert leaf.arrays['w'].device.id == 1
        assert root.device == backend.get_device(0)

        device_resident._thread_local.flag_gpu_to_gpu = False
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('error', RuntimeWarning)
                warnings.simplefilter('ignore', DeprecationWarning)
                root.to_gpu(0)
            assert device_resident._thread_local.flag_gpu_to_gpu is True
        finally:
            device_resident._thread_local.flag_gpu_to_gpu = None

    def test_overridden_to_gpu_gets_device_id(self, fake_cupy):
        received = []

        def to_gpu(self, device=None):
            received.append(device)

        with pytest.warns(DeprecationWarning):
            child = type('Child', (Holder,), {'to_gpu': to_gpu})()
        Holder(children=[child]).to_device('@cupy:2')
        assert received == [2]
