import io

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import chainer_lite
from chainer_lite import _backend
from chainer_lite import _runtime_info
from chainer_lite import backend
from chainer_lite.backends import cuda

from backends_tests.cupy_fixture import fake_cupy  # NOQA  (a fixture)


class TestGetArrayModule:

    def test_numpy(self):
        assert backend.get_array_module() is numpy
        assert backend.get_array_module(numpy.zeros(1)) is numpy
        assert backend.get_array_module(numpy.zeros(1), 1.0, None) is numpy
        assert backend.get_array_module(numpy.float32(1)) is numpy

    def test_variable(self):
        v = chainer_lite.Variable(numpy.zeros(2, numpy.float32))
        assert backend.get_array_module(v) is numpy
        assert backend.get_array_module(chainer_lite.Variable()) is numpy


class TestGetDevice:

    @pytest.mark.parametrize('spec', [
        '@numpy', -1, '-1', -5, numpy.int64(-1), numpy.int8(-2)])
    def test_cpu_specifiers(self, spec):
        device = backend.get_device(spec)
        assert isinstance(device, backend.CpuDevice)
        assert device.xp is numpy
        with backend.using_device(spec):
            pass

    def test_device_object_is_returned_as_is(self):
        device = backend.CpuDevice()
        assert backend.get_device(device) is device
        assert chainer_lite.get_device is backend.get_device
        assert chainer_lite.using_device is backend.using_device

    @pytest.mark.parametrize('spec,error,message', [
        ('@foo', ValueError, "must be followed by a module name"),
        ('@foo:0', ValueError, "Actual: @foo:0"),
        ('@numpy:', ValueError, "Actual: @numpy:"),
        ('@numpy:0', ValueError, "Actual: @numpy:0"),
        ('@:numpy', ValueError, "Actual: @:numpy"),
        ('@cupy', ValueError, "Actual: @cupy"),
        ('@intel64:0', ValueError, "Actual: @intel64:0"),
        ('native:0', RuntimeError, "ChainerX device specifier 'native:0'"),
        ('numpy', RuntimeError, "ChainerX is not available"),
        ('', RuntimeError, "ChainerX is not available"),
        ('@intel64', RuntimeError, "iDeep is not available"),
        (('native', 0), TypeError, "Actual: <class 'tuple'>"),
        (('cupy', 0), TypeError, "Actual: <class 'tuple'>"),
        (cuda.DummyDevice, TypeError, "Device specifier must be"),
        (numpy, TypeError, "Actual: <class 'module'>"),
        (None, TypeError, "Actual: <class 'NoneType'>"),
        (1.0, TypeError, "Actual: <class 'float'>"),
    ])
    def test_invalid(self, spec, error, message):
        with pytest.raises(error, match=message.replace('(', r'\(').replace(
                ')', r'\)')):
            backend.get_device(spec)
        with pytest.raises(error):
            backend.using_device(spec)

    @pytest.mark.skipif(cuda.available, reason='CuPy is installed')
    @pytest.mark.parametrize('spec', ['@cupy:0', '@cupy:1', 0, 3, '0',
                                      numpy.int32(0), True])
    def test_gpu_without_cupy(self, spec):
        with pytest.raises(RuntimeError, match='CUDA environment is not '
                                               'correctly set up'):
            backend.get_device(spec)


class TestDevice:

    def test_base_class_is_abstract(self):
        device = _backend.Device()
        for name in ('xp', 'name', 'supported_array_types'):
            with pytest.raises(NotImplementedError):
                getattr(device, name)
        with pytest.raises(NotImplementedError):
            device == device
        with pytest.raises(NotImplementedError):
            device.is_array_supported(numpy.zeros(1))
        with pytest.raises(NotImplementedError):
            device.send(numpy.zeros(1))
        assert device.use() is None

    def test_with_statement_is_refused(self):
        with pytest.raises(RuntimeError, match='Use chainer.using_device'):
            with backend.get_device('@numpy'):
                pass

    def test_str_repr_eq(self):
        device = chainer_lite.get_device('@numpy')
        assert str(device) == '@numpy'
        assert repr(device) == '<CpuDevice (numpy)>'
        assert device == backend.CpuDevice()
        assert not device != backend.get_device(-1)

    def test_send_numpy(self):
        x = numpy.ones((2, 3), numpy.float32)
        assert backend.get_device('@numpy').send(x) is x


class TestGetDeviceFromArray:

    @pytest.mark.parametrize('value', [
        numpy.zeros(2), numpy.int64(1), None, 1, (), object()])
    def test_cpu(self, value):
        assert backend.get_device_from_array(value) == backend.CpuDevice()

    def test_several(self):
        assert isinstance(
            backend.get_device_from_array(numpy.zeros(1), None),
            backend.CpuDevice)
        assert isinstance(backend.get_device_from_array(), backend.CpuDevice)

    def test_guess_from_module(self):
        assert backend._guess_device_from_array_module(numpy) == (
            backend.CpuDevice())


_float_dtypes = st.sampled_from([numpy.float16, numpy.float32, numpy.float64])


class TestCopyTo:

    @settings(max_examples=20, deadline=None)
    @given(hnp.array_shapes(min_dims=0, max_dims=3), _float_dtypes,
           _float_dtypes, st.data())
    def test_numpy(self, shape, src_dtype, dst_dtype, data):
        src = data.draw(hnp.arrays(src_dtype, shape, elements=st.floats(
            -100, 100, width=16)))
        dst = numpy.zeros(shape, dst_dtype)
        assert backend.copyto(dst, src) is None
        numpy.testing.assert_array_equal(dst, src.astype(dst_dtype))

    def test_broadcast_and_scalar(self):
        dst = numpy.zeros((2, 3), numpy.float32)
        backend.copyto(dst, numpy.arange(3, dtype=numpy.float32))
        numpy.testing.assert_array_equal(dst, [[0, 1, 2], [0, 1, 2]])
        backend.copyto(dst, numpy.float32(7))
        assert (dst == 7).all()

    def test_invalid(self):
        with pytest.raises(TypeError):
            backend.copyto(numpy.zeros(1), None)
        with pytest.raises(TypeError, match='cannot copy to non-array'):
            backend.copyto(None, numpy.zeros(1))
        with pytest.raises(TypeError, match='cannot copy to non-array'):
            backend.copyto([0.0], numpy.zeros(1))


class TestContainsNan:

    @settings(max_examples=20, deadline=None)
    @given(hnp.arrays(_float_dtypes, hnp.array_shapes(min_dims=0)))
    def test_float(self, x):
        assert bool(backend._contains_nan(x)) == bool(numpy.isnan(x).any())

    def test_other_kinds(self):
        assert backend._contains_nan(numpy.array([1, 2])) is False
        assert backend._contains_nan(numpy.array([True])) is False
        assert backend._contains_nan(numpy.array([1 + numpy.nan * 1j]))


class TestArrayTypes:

    def test_types(self):
        assert numpy.ndarray in backend.get_array_types()
        assert backend.get_cpu_array_types() == (numpy.ndarray,)
        if not cuda.available:
            assert backend.get_array_types() == (numpy.ndarray,)

    @pytest.mark.parametrize('arrays,expected', [
        ([], True),
        ([None, None], True),
        ([numpy.zeros(1)], True),
        ([numpy.zeros(1), None, numpy.ones((2, 2))], True),
        ([numpy.zeros(1), 1.0], False),
        ([numpy.float32(1)], False),
        ([numpy.zeros(1), [1]], False),
    ])
    def test_is_arrays_compatible(self, arrays, expected):
        assert backend.is_arrays_compatible(arrays) is expected
        assert backend.is_arrays_compatible(iter(arrays)) is expected


class TestRuntimeInfo:

    def test_lines(self):
        out = io.StringIO()
        _runtime_info.print_runtime_info(out)
        text = out.getvalue()
        assert text == str(_runtime_info._get_runtime_info())
        lines = text.splitlines()
        assert [line.split(':')[0] for line in lines[:4]] == [
            'Platform', 'Chainer', 'ChainerX', 'NumPy']
        assert lines[1] == 'Chainer: 7.8.1'
        assert lines[2] == 'ChainerX: Not Available'
        assert lines[3] == 'NumPy: {}'.format(numpy.__version__)
        assert lines[-1] == 'iDeep: Not Available'
        if not cuda.available:
            assert lines[4] == 'CuPy: Not Available'

    def test_default_is_stdout(self, capsys):
        _runtime_info.print_runtime_info()
        assert 'Chainer: 7.8.1' in capsys.readouterr().out

    def test_cupy_section(self, fake_cupy):
        text = str(_runtime_info._get_runtime_info())
        assert 'CuPy:\n  CuPy Version : 13.0.0 (fake)\n  CUDA Root : none\n' \
            in text
