"""Tests of chainer_lite.backends.cuda: without CuPy, with the fake CuPy
(tests/backends_tests/fake_cupy), and on a real GPU (marked ``gpu``)."""
import sys
import warnings

import numpy
import pytest
from hypothesis import given, settings
from hypothesis.extra import numpy as hnp

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite.backends import cuda


no_cupy = pytest.mark.skipif(cuda.available, reason='CuPy is installed')
gpu = [pytest.mark.gpu,
       pytest.mark.skipif(not cuda.available, reason='CuPy is not available')]

# The 37 public names Chainer 7.8.1's chainer.backends.cuda defines; those
# in _NAMES_NEEDING_CUPY exist only where CuPy (and cuDNN) do.
_NAMES = [
    'config', 'available', 'cudnn_enabled', 'cuda', 'cublas', 'ndarray',
    'Device', 'Event', 'Stream', 'cupy', 'cudnn', 'libcudnn',
    'check_cuda_available', 'DummyDeviceType', 'DummyDevice', 'memory_pool',
    'pinned_memory_pool', 'GpuDevice', 'get_device_from_id',
    'get_device_from_array', 'get_device', 'to_gpu', 'to_cpu', 'copy',
    'memoize', 'clear_memo', 'elementwise', 'reduce', 'raw',
    'get_array_module', 'get_max_workspace_size', 'set_max_workspace_size',
    'fuse', 'should_use_cudnn', 'should_use_cudnn_tensor_core',
    'get_cudnn_dropout_states', 'get_cudnn_dropout_states_core']
_NAMES_NEEDING_CUPY = {'cuda', 'cublas', 'cudnn', 'libcudnn', 'memory_pool',
                       'pinned_memory_pool'}


def test_inventory_names():
    assert len(set(_NAMES)) == 37
    for name in _NAMES:
        if name not in _NAMES_NEEDING_CUPY or cuda.available:
            assert hasattr(cuda, name), name


def test_chainer_cuda_is_the_same_module():
    import chainer_lite.cuda
    assert chainer_lite.cuda is cuda
    assert cuda.config is configuration.config


class TestDummyDevice:

    def test_int_id_eq(self):
        assert int(cuda.DummyDeviceType()) == -1
        assert cuda.DummyDevice.id == -1
        assert cuda.DummyDeviceType() == cuda.DummyDevice
        assert cuda.DummyDevice != 1
        assert not cuda.DummyDevice != cuda.DummyDeviceType()

    def test_context_and_methods(self):
        with cuda.DummyDevice as d:
            assert d is cuda.DummyDevice
        assert cuda.DummyDevice.use() is None
        assert cuda.DummyDevice.synchronize() is None

    def test_cpu_lookups_give_dummy_device(self):
        assert cuda.get_device_from_id(None) is cuda.DummyDevice
        assert cuda.get_device_from_id(-1) is cuda.DummyDevice
        assert cuda.get_device_from_array(numpy.int64(0)) is cuda.DummyDevice
        assert cuda.get_device_from_array(numpy.zeros(2)) is cuda.DummyDevice
        assert cuda.get_device_from_array() is cuda.DummyDevice

    def test_get_device_is_deprecated(self):
        with pytest.warns(DeprecationWarning, match='get_device is '
                          'deprecated. Please use get_device_from_id or '
                          'get_device_from_array instead.'):
            assert cuda.get_device(numpy.zeros(1), True) is cuda.DummyDevice


class TestToCpu:

    def test_numpy_array_is_not_copied(self):
        x = numpy.random.uniform(-1, 1, (2, 3))
        assert cuda.to_cpu(x) is x
        assert cuda.to_cpu(x.T) is not None

    def test_none_and_containers(self):
        a, b = numpy.zeros(0), numpy.ones((2, 3))
        assert cuda.to_cpu(None) is None
        for container in (list, tuple):
            out = cuda.to_cpu(container([a, b, None, a]))
            assert type(out) is container
            assert out[0] is a and out[1] is b and out[2] is None
            assert out[3] is a

    @settings(max_examples=20, deadline=None)
    @given(hnp.from_dtype(numpy.dtype(numpy.float32)) | hnp.from_dtype(
        numpy.dtype(numpy.int16)) | hnp.from_dtype(numpy.dtype(numpy.bool_))
        | hnp.from_dtype(numpy.dtype(numpy.complex128)))
    def test_numpy_scalar_gives_0dim_array(self, x):
        y = cuda.to_cpu(x)
        assert isinstance(y, numpy.ndarray)
        assert y.shape == () and y.dtype == x.dtype
        numpy.testing.assert_array_equal(y, x)

    def test_variable_is_rejected(self):
        import chainer_lite
        with pytest.raises(TypeError):
            cuda.to_cpu(chainer_lite.Variable(numpy.zeros(2)))


def test_fuse_without_cupy_arrays_calls_the_function():
    @cuda.fuse()
    def f(x, y):
        return x * y + 1

    @cuda.fuse
    def g(x):
        return -x

    @cuda.fuse(kernel_name='h')
    def h(x):
        return x

    assert f.__name__ == 'f' and g.__name__ == 'g'
    numpy.testing.assert_array_equal(
        f(numpy.array([1., 2.]), numpy.array([3., 4.])), [4., 9.])
    assert g(2) == -2
    assert h(3) == 3


def test_memoize_without_cupy_calls_each_time():
    calls = []

    @cuda.memoize()
    def f(x):
        calls.append(x)
        return x * 2

    if cuda.available:
        pytest.skip('CuPy memoizes')
    assert f(3) == 6 and f(3) == 6
    assert calls == [3, 3]
    cuda.clear_memo()


def test_should_use_cudnn_tensor_core_config():
    with configuration.using_config('use_cudnn_tensor_core', 'always'):
        assert cuda.should_use_cudnn_tensor_core(numpy.float16) is True
    with configuration.using_config('use_cudnn_tensor_core', 'never'):
        assert cuda.should_use_cudnn_tensor_core(numpy.float16) is False
    with configuration.using_config('use_cudnn_tensor_core', 'on'):
        with pytest.raises(ValueError, match='invalid use_cudnn_tensor_core'):
            cuda.should_use_cudnn_tensor_core(numpy.float16)


def test_get_array_module():
    assert cuda.get_array_module(numpy.zeros(1)) is numpy


@no_cupy
class TestWithoutCupy:

    def test_availability(self):
        assert cuda.available is False
        assert cuda.cudnn_enabled is False
        assert cuda.cupy is not None
        assert 'not available' in repr(cuda.cupy)

    def test_cupy_placeholder_explains(self):
        with pytest.raises(AttributeError, match='CuPy is not available'):
            cuda.cupy.array
        assert not hasattr(cuda.cupy, 'ndarray')

    def test_missing_cupy_names_explain(self):
        for name in _NAMES_NEEDING_CUPY:
            with pytest.raises(AttributeError, match='CuPy is not available'):
                getattr(cuda, name)
        with pytest.raises(AttributeError):
            cuda.no_such_name

    def test_placeholder_types(self):
        assert cuda.ndarray.__name__ == 'ndarray'
        assert not isinstance(numpy.zeros(1), cuda.ndarray)
        with cuda.Device(0) as d:
            assert isinstance(d, cuda.Device)
        assert cuda.Event and cuda.Stream

    def test_check_cuda_available(self):
        with pytest.raises(RuntimeError) as info:
            cuda.check_cuda_available()
        assert str(info.value).startswith(
            'CUDA environment is not correctly set up\n'
            '(see https://github.com/chainer/chainer#installation).')

    @pytest.mark.parametrize('call', [
        lambda: cuda.to_gpu(numpy.zeros(1)),
        lambda: cuda.to_gpu(None),
        lambda: cuda.to_gpu(numpy.zeros(1), device=0),
        lambda: cuda.get_device_from_id(0),
        lambda: cuda.copy(numpy.zeros(1)),
        lambda: cuda.elementwise('T x', 'T y', 'y = x', 'nocupy_copy'),
        lambda: cuda.reduce('T x', 'T y', 'x', 'a + b', 'y = a', '0',
                            'nocupy_sum'),
        lambda: cuda.raw('', 'nocupy_raw'),
        lambda: cuda.GpuDevice.from_device_id(0),
        lambda: cuda.GpuDevice(object()),
        lambda: cuda._get_device_or_current(None),
        lambda: backend.get_device('@cupy:0'),
        lambda: backend.get_device(1),
        lambda: backend.get_device('0'),
        lambda: backend.get_device(numpy.int32(0)),
    ])
    def test_gpu_operations_raise(self, call):
        with pytest.raises(RuntimeError, match='CUDA environment is not '
                                               'correctly set up'):
            call()

    def test_deprecated_get_device_with_int(self):
        with pytest.warns(DeprecationWarning):
            with pytest.raises(RuntimeError):
                cuda.get_device(0)

    def test_cudnn_helpers(self):
        for level in ('==always', '>=auto', 'invalid'):
            assert cuda.should_use_cudnn(level) is False
        assert cuda.get_max_workspace_size() == 0
        cuda.set_max_workspace_size(1024)
        assert cuda.get_max_workspace_size() == 0
        with configuration.using_config('use_cudnn_tensor_core', 'auto'):
            assert cuda.should_use_cudnn_tensor_core(numpy.float16) is False
        with pytest.raises(RuntimeError, match='cuDNN is not enabled.'):
            cuda.get_cudnn_dropout_states()

    def test_gpu_device_from_array_is_none(self):
        for value in (numpy.zeros(1), None, 1, ()):
            assert cuda.GpuDevice.from_array(value) is None


@pytest.mark.filterwarnings('ignore:cuDNN is not enabled')
class TestWithFakeCupy:
    """The CuPy-present paths, run against the NumPy-backed fake CuPy."""

    def test_lazy_names_come_from_cupy(self, fake_cupy):
        assert cuda.available is True
        assert cuda.cupy is fake_cupy
        assert cuda.ndarray is fake_cupy.ndarray
        assert cuda.Device is fake_cupy.cuda.Device
        assert cuda.cuda is fake_cupy.cuda
        assert cuda.memory_pool == 'memory pool'
        assert cuda.pinned_memory_pool == 'pinned memory pool'
        # The fake has no cuDNN.
        assert cuda.cudnn_enabled is False
        assert not hasattr(cuda, 'cudnn')
        assert cuda.libcudnn is not None
        with pytest.raises(AttributeError, match="CuPy's cuDNN"):
            cuda.cudnn

    def test_check_cuda_available_warns_once_about_cudnn(self, fake_cupy):
        with pytest.warns(UserWarning, match='cuDNN is not enabled'):
            cuda.check_cuda_available()
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            cuda.check_cuda_available()

    def test_to_gpu_and_back(self, fake_cupy):
        x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
        y = cuda.to_gpu(x)
        assert isinstance(y, fake_cupy.ndarray)
        assert y.device.id == 0
        assert cuda.to_gpu(y) is y
        assert cuda.to_gpu(y, device=0) is y
        z = cuda.to_gpu(y, device=1)
        assert z is not y and z.device.id == 1
        with fake_cupy.cuda.Device(2):
            assert cuda.to_gpu(x).device.id == 2
            assert cuda.to_gpu(x, cuda.DummyDevice).device.id == 2
        back = cuda.to_cpu(z)
        assert isinstance(back, numpy.ndarray)
        numpy.testing.assert_array_equal(back, x)

    def test_to_gpu_scalars_containers_and_errors(self, fake_cupy):
        s = cuda.to_gpu(numpy.float16(1.5))
        assert isinstance(s, fake_cupy.ndarray)
        assert s.shape == () and s.dtype == numpy.float16
        a = numpy.zeros(2)
        out = cuda.to_gpu((a, None, a))
        assert type(out) is tuple and out[1] is None and out[0] is out[2]
        with pytest.raises(TypeError, match='The array sent to gpu must be'):
            cuda.to_gpu(1.5)
        with pytest.raises(ValueError, match='Invalid CUDA device specifier'):
            cuda.to_gpu(a, device=-1)
        with pytest.warns(DeprecationWarning, match='stream option'):
            cuda.to_gpu(a, stream=fake_cupy.cuda.Stream.null)

    def test_get_device_spellings(self, fake_cupy):
        for spec, device_id in [('@cupy:0', 0), ('@cupy:3', 3), (1, 1),
                                ('2', 2), (numpy.int32(1), 1),
                                (fake_cupy.cuda.Device(4), 4)]:
            device = backend.get_device(spec)
            assert isinstance(device, backend.GpuDevice)
            assert device.device.id == device_id
            assert device.xp is fake_cupy
            assert device.supported_array_types == (fake_cupy.ndarray,)
            assert device.name == str(device) == '@cupy:{}'.format(device_id)
            assert repr(device) == '<GpuDevice (cupy):{}>'.format(device_id)
        assert backend.get_device('@cupy:0') == backend.get_device(0)
        assert backend.get_device('@cupy:0') != backend.get_device('@cupy:1')
        assert backend.get_device('@cupy:0') != backend.CpuDevice()
        assert hash(backend.get_device(0)) == hash('@cupy:0')
        for bad in ['@cupy', '@cupy:', '@cupy::0', '@cupy:x']:
            with pytest.raises(ValueError):
                backend.get_device(bad)
        for bad in [-1, None, 0.0, ()]:
            with pytest.raises(ValueError, match='Invalid CUDA device ID'):
                backend.GpuDevice.from_device_id(bad)

    def test_using_device_and_use(self, fake_cupy):
        current = fake_cupy.cuda.Device
        with backend.using_device('@cupy:3'):
            assert current().id == 3
        assert current().id == 0
        device = backend.get_device(2)
        with current(0):
            device.use()
            assert current() == device.device

    def test_device_of_arrays(self, fake_cupy):
        with fake_cupy.cuda.Device(1):
            g = cuda.to_gpu(numpy.zeros(2))
        device = backend.get_device_from_array(numpy.zeros(1), g)
        assert device == backend.GpuDevice.from_array(g)
        assert device.device.id == 1
        assert device.is_array_supported(g)
        assert not device.is_array_supported(numpy.zeros(1))
        assert not backend.get_device(0).is_array_supported(g)
        assert not backend.CpuDevice().is_array_supported(g)
        assert backend.CpuDevice.from_array(g) is None
        assert cuda.get_device_from_array(g) == fake_cupy.cuda.Device(1)
        assert cuda.get_device_from_id(numpy.int64(2)).id == 2
        with pytest.warns(DeprecationWarning):
            assert cuda.get_device(g) is g.device
        assert backend.get_array_module(numpy.zeros(1), g) is fake_cupy
        assert cuda.get_array_module(g) is fake_cupy
        assert backend._guess_device_from_array_module(fake_cupy) == (
            backend.get_device(0))

    def test_send_between_devices(self, fake_cupy):
        x = numpy.ones((2, 3), numpy.float32)
        on0 = backend.get_device('@cupy:0').send(x)
        assert backend.get_device('@cupy:0').send(on0) is on0
        on1 = backend.get_device('@cupy:1').send(on0)
        assert on1.device.id == 1
        numpy.testing.assert_array_equal(backend.CpuDevice().send(on1), x)

    def test_array_types(self, fake_cupy):
        assert backend.get_array_types() == (numpy.ndarray, fake_cupy.ndarray)
        assert backend.get_cpu_array_types() == (numpy.ndarray,)
        g = cuda.to_gpu(numpy.zeros(1))
        assert backend.is_arrays_compatible([g, None, g])
        assert not backend.is_arrays_compatible([g, numpy.zeros(1)])
        assert not backend.is_arrays_compatible([numpy.zeros(1), g])

    def test_copyto(self, fake_cupy):
        src = numpy.arange(4, dtype=numpy.float32)
        dst = cuda.to_gpu(numpy.zeros(4, numpy.float32))
        backend.copyto(dst, src)
        numpy.testing.assert_array_equal(dst.get(), src)
        dst64 = cuda.to_gpu(numpy.zeros(4))
        backend.copyto(dst64, src)
        numpy.testing.assert_array_equal(dst64.get(), src)
        backend.copyto(dst64, cuda.to_gpu(src * 2))
        numpy.testing.assert_array_equal(dst64.get(), src * 2)
        cpu_dst = numpy.zeros(4, numpy.float32)
        backend.copyto(cpu_dst, cuda.to_gpu(src + 1))
        numpy.testing.assert_array_equal(cpu_dst, src + 1)
        with pytest.raises(TypeError, match='cannot copy from non-array'):
            backend.copyto(dst, None)

    def test_copy(self, fake_cupy):
        x = cuda.to_gpu(numpy.arange(3.))
        y = cuda.copy(x)
        assert y is not x and y.device == x.device
        z = cuda.copy(x, out_device=2)
        assert z.device.id == 2
        numpy.testing.assert_array_equal(z.get(), [0., 1., 2.])
        out = cuda.to_gpu(numpy.zeros(3))
        assert cuda.copy(x, out=out) is out
        numpy.testing.assert_array_equal(out.get(), [0., 1., 2.])

    def test_contains_nan(self, fake_cupy):
        assert backend._contains_nan(cuda.to_gpu(numpy.array([1., numpy.nan])))
        assert not backend._contains_nan(cuda.to_gpu(numpy.array([1., 2.])))

    def test_memoize_fuse_and_kernels(self, fake_cupy):
        calls = []

        @cuda.memoize()
        def f(x):
            calls.append(x)
            return x + 1

        assert f(1) == 2 and f(1) == 2 and calls == [1]
        cuda.clear_memo()
        assert f(1) == 2 and calls == [1, 1]

        kernel = cuda.elementwise('T x', 'T y', 'y = x', 'fake_copy')
        assert kernel.args == ('T x', 'T y', 'y = x', 'fake_copy')
        assert cuda.elementwise('T x', 'T y', 'y = x', 'fake_copy') is kernel

        @cuda.fuse(kernel_name='double')
        def double(x):
            return x * 2

        assert double(numpy.array([1.])) == 2.
        fused = double(cuda.to_gpu(numpy.array([1., 3.])))
        assert isinstance(fused, fake_cupy.ndarray)
        numpy.testing.assert_array_equal(fused.get(), [2., 6.])

    def test_cpu_paths_still_avoid_cupy(self, fake_cupy):
        assert backend.get_device_from_array(numpy.zeros(1)) == (
            backend.CpuDevice())
        assert backend.get_array_module(numpy.zeros(1)) is numpy


@pytest.mark.gpu
@pytest.mark.skipif(not cuda.available, reason='CuPy is not available')
class TestGpu:

    def test_roundtrip(self):
        x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
        y = cuda.to_gpu(x)
        assert isinstance(y, cuda.ndarray)
        assert cuda.to_gpu(y) is y
        numpy.testing.assert_array_equal(cuda.to_cpu(y), x)
        numpy.testing.assert_array_equal(
            cuda.to_cpu(cuda.cupy.asfortranarray(y)), x)

    def test_devices(self):
        device = backend.get_device('@cupy:0')
        assert device == backend.get_device(0) == backend.get_device(
            cuda.Device(0))
        assert repr(device) == '<GpuDevice (cupy):0>'
        g = device.send(numpy.zeros(3))
        assert backend.get_device_from_array(g) == device
        assert backend.get_array_module(g) is cuda.cupy
        assert backend.get_array_types() == (numpy.ndarray, cuda.ndarray)
        with backend.using_device(device):
            assert cuda.Device() == cuda.Device(0)

    def test_copyto_and_nan(self):
        dst = cuda.cupy.zeros(4, numpy.float16)
        backend.copyto(dst, numpy.arange(4, dtype=numpy.float32))
        numpy.testing.assert_array_equal(cuda.to_cpu(dst), numpy.arange(4))
        assert backend._contains_nan(cuda.cupy.array([numpy.nan]))

    def test_kernels(self):
        kernel = cuda.elementwise('T x', 'T y', 'y = x * 2', 'gpu_double')
        x = cuda.cupy.arange(3, dtype=numpy.float32)
        numpy.testing.assert_array_equal(cuda.to_cpu(kernel(x)), [0, 2, 4])

        @cuda.fuse()
        def add_one(x):
            return x + 1

        numpy.testing.assert_array_equal(cuda.to_cpu(add_one(x)), [1, 2, 3])


def test_importing_chainer_lite_does_not_import_cupy():
    # Run in a fresh interpreter whose `cupy` would record being imported.
    import os
    import subprocess
    import tempfile
    import textwrap

    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, 'cupy'))
        with open(os.path.join(tmp, 'cupy', '__init__.py'), 'w') as f:
            # A failed import leaves no trace in sys.modules: record it.
            f.write('import builtins\n'
                    'builtins.cupy_import_attempted = True\n'
                    'raise ImportError("fake cupy was imported")\n')
        script = textwrap.dedent('''
            import builtins
            import numpy
            import chainer_lite
            from chainer_lite import backend
            from chainer_lite.backends import cuda
            assert not hasattr(builtins, 'cupy_import_attempted')
            x = numpy.ones(3, numpy.float32)
            backend.get_array_module(x)
            backend.get_device('@numpy').send(x)
            backend.get_device_from_array(x)
            backend.get_array_types()
            backend.is_arrays_compatible([x, x])
            backend.copyto(numpy.zeros(3, numpy.float32), x)
            cuda.to_cpu(x)
            cuda.fuse()(lambda a: a)(x)
            v = chainer_lite.Variable(x)
            y = v * 2 + v
            y.grad = x
            y.backward()
            chainer_lite.get_device('@numpy')
            assert not hasattr(builtins, 'cupy_import_attempted'), (
                'CPU code tried to import cupy')
            assert cuda.available is False
            try:
                cuda.check_cuda_available()
            except RuntimeError as e:
                assert 'fake cupy was imported' in str(e)
            else:
                raise AssertionError('no RuntimeError')
            print('ok')
        ''')
        env = dict(os.environ)
        project = os.path.dirname(os.path.dirname(os.path.dirname(
            os.path.abspath(__file__))))
        env['PYTHONPATH'] = os.pathsep.join([tmp, project])
        proc = subprocess.run([sys.executable, '-c', script], env=env,
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == 'ok'
