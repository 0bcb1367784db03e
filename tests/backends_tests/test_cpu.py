import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from chainer_lite import backend
from chainer_lite.backends import _cpu


def test_attributes():
    device = _cpu.CpuDevice()
    assert device.name == '@numpy'
    assert str(device) == '@numpy'
    assert repr(device) == '<CpuDevice (numpy)>'
    assert device.xp is numpy
    assert device.supported_array_types == (numpy.ndarray,)
    assert backend.CpuDevice is _cpu.CpuDevice


def test_equality_and_hash():
    a, b = _cpu.CpuDevice(), _cpu.CpuDevice()
    assert a == b
    assert not a != b
    assert hash(a) == hash(b) == hash('@numpy')
    assert len({a, b}) == 1
    assert a != '@numpy'
    assert a != object()


def test_with_statement_is_refused():
    with pytest.raises(RuntimeError, match='chainer.using_device'):
        with _cpu.CpuDevice():
            pass


def test_use_and_context_do_nothing():
    device = _cpu.CpuDevice()
    assert device.use() is None
    with device.create_context():
        pass


def test_from_array():
    assert _cpu.CpuDevice.from_array(numpy.zeros(2)) == _cpu.CpuDevice()
    assert isinstance(
        _cpu.CpuDevice.from_array(numpy.zeros((), numpy.int8)),
        _cpu.CpuDevice)


@pytest.mark.parametrize('value', [None, 1, (), [1], numpy.float32(1)])
def test_from_array_non_array(value):
    assert _cpu.CpuDevice.from_array(value) is None


@pytest.mark.parametrize('value,expected', [
    (numpy.zeros(2), True),
    (numpy.float32(1), False),
    (1.0, False),
    ([1, 2], False),
    (None, False),
])
def test_is_array_supported(value, expected):
    assert _cpu.CpuDevice().is_array_supported(value) is expected


@settings(max_examples=15, deadline=None)
@given(hnp.arrays(hnp.scalar_dtypes(), hnp.array_shapes(min_dims=0)))
def test_send_numpy_array_is_not_copied(x):
    assert _cpu.CpuDevice().send(x) is x


@settings(max_examples=15, deadline=None)
@given(st.one_of(
    st.integers(-2 ** 31, 2 ** 31 - 1).map(numpy.int32),
    st.floats(width=32).map(numpy.float32),
    st.floats(), st.booleans().map(numpy.bool_)))
def test_send_scalar_gives_0dim_array(value):
    y = _cpu.CpuDevice().send(value)
    assert isinstance(y, numpy.ndarray)
    assert y.shape == ()
    assert y.dtype == numpy.asarray(value).dtype
    numpy.testing.assert_array_equal(y, value)


@pytest.mark.parametrize('container', [list, tuple])
def test_send_container_keeps_type_none_and_aliasing(container):
    a = numpy.zeros(2)
    s = numpy.float32(3)
    xs = container([a, None, s, a, s])
    ys = _cpu.CpuDevice().send(xs)
    assert type(ys) is container
    assert ys[0] is a and ys[3] is a
    assert ys[1] is None
    assert ys[2] is ys[4]
    assert ys[2].shape == () and ys[2] == 3


def test_send_none():
    assert _cpu.CpuDevice().send(None) is None


@pytest.mark.parametrize('value', [object(), {'a': 1}, {1, 2}])
def test_send_invalid(value):
    with pytest.raises(TypeError, match='Array cannot be converted into an '
                                        'numpy.ndarray'):
        _cpu.CpuDevice().send(value)


def test_to_cpu_helpers():
    a = numpy.ones(3)
    assert _cpu._array_to_cpu(a) is a
    assert _cpu._array_to_cpu(None) is None
    out = _cpu._to_cpu((a, None))
    assert out == (a, None) and out[0] is a
