import numpy
import pytest

from chainer_lite import backend
from chainer_lite.backends import intel64


def test_ideep_is_not_available():
    assert intel64.is_ideep_available() is False
    for level in ('==always', '>=auto', 'bogus'):
        assert intel64.should_use_ideep(level) is False
    assert intel64.inputs_all_ready([numpy.zeros((2, 3))]) is False
    assert intel64.inputs_all_ready([numpy.zeros((2, 3))], (2,)) is False


def test_check_ideep_available_explains():
    with pytest.raises(RuntimeError) as info:
        intel64.check_ideep_available()
    message = str(info.value)
    assert message.startswith('iDeep is not available.\nReason: ')
    assert "'@numpy'" in message


def test_device_cannot_be_created():
    with pytest.raises(RuntimeError, match='iDeep is not available'):
        intel64.Intel64Device()
    with pytest.raises(RuntimeError, match='iDeep is not available'):
        backend.get_device('@intel64')


def test_device_class_attributes():
    assert backend.Intel64Device is intel64.Intel64Device
    assert intel64.Intel64Device.name == '@intel64'
    assert intel64.Intel64Device.xp is numpy
    assert intel64.Intel64Device.supported_array_types == (
        numpy.ndarray, intel64.mdarray)


@pytest.mark.parametrize('value', [numpy.zeros(2), None, 1, ()])
def test_from_array_is_none(value):
    assert intel64.Intel64Device.from_array(value) is None


def test_mdarray_placeholder_matches_nothing():
    assert not isinstance(numpy.zeros(2), intel64.mdarray)


def test_config_is_chainer_config():
    from chainer_lite.configuration import config
    assert intel64.config is config
