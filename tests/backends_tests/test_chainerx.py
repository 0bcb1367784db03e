import numpy
import pytest

from chainer_lite import backend
from chainer_lite.backends import _chainerx


def test_device_cannot_be_created():
    with pytest.raises(RuntimeError, match='ChainerX is not available'):
        backend.ChainerxDevice(object())
    with pytest.raises(RuntimeError, match='ChainerX is not available'):
        backend.ChainerxDevice.from_fallback_device(backend.CpuDevice())


@pytest.mark.parametrize('value', [numpy.zeros(2), None, 1, ()])
def test_from_array_is_none(value):
    assert backend.ChainerxDevice.from_array(value) is None


@pytest.mark.parametrize('spec', ['native', 'native:0', 'cuda:0', 'numpy'])
def test_chainerx_specifier_is_refused(spec):
    with pytest.raises(RuntimeError, match='ChainerX is not available'):
        backend.get_device(spec)
    with pytest.raises(RuntimeError, match='ChainerX is not available'):
        backend.using_device(spec)


def test_from_chx_passes_arrays_through():
    a = numpy.zeros(3)
    assert backend.from_chx(a) is a
    assert backend.from_chx(None) is None
    out = backend.from_chx([a, None, a])
    assert isinstance(out, list)
    assert out[0] is a and out[1] is None and out[2] is a


@pytest.mark.parametrize('value', [1, 1.5, 'x', object()])
def test_from_chx_rejects_non_arrays(value):
    with pytest.raises(TypeError, match='Tried to convert to a non-ChainerX '
                                        'array from an invalid type'):
        backend.from_chx(value)


def test_to_chx():
    assert backend.to_chx(None) is None
    assert backend.to_chx((None,)) == (None,)
    with pytest.raises(RuntimeError, match='^ChainerX is not available'):
        backend.to_chx(numpy.zeros(1))
    assert backend.to_chx is _chainerx.to_chx
