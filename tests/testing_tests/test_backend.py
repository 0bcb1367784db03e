"""testing.BackendConfig and inject_backend_tests."""
import sys
import unittest

import numpy
import pytest

import chainer_lite
from chainer_lite import testing


def test_defaults_and_repr():
    config = testing.BackendConfig({})
    assert config.use_cuda is False and config.cuda_device is None
    assert config.xp is numpy
    assert repr(config) == (
        "<BackendConfig use_chainerx=False chainerx_device=None "
        "use_cuda=False cuda_device=None use_cudnn='never' "
        "cudnn_deterministic=False autotune=False "
        "cudnn_fast_batch_normalization=False use_ideep='never'>")
    assert config.get_func_str() == (
        'use_chainerx_false__chainerx_device_None__use_cuda_false__'
        'cuda_device_None__use_cudnn_never__cudnn_deterministic_false__'
        'autotune_false__cudnn_fast_batch_normalization_false__'
        'use_ideep_never')
    assert config.get_pytest_marks() == []


def test_invalid_params():
    with pytest.raises(TypeError):
        testing.BackendConfig([])
    with pytest.raises(ValueError, match='Parameter foo is not defined'):
        testing.BackendConfig({'foo': 1})


def _mark_names(config):
    names = []
    for mark in config.get_pytest_marks():
        def f():
            pass
        names += [m.name for m in mark(f).pytestmark]
    return names


def test_marks_of_other_backends():
    cuda = testing.BackendConfig({'use_cuda': True})
    assert cuda.cuda_device == 0
    assert _mark_names(cuda) == ['gpu']
    assert _mark_names(testing.BackendConfig(
        {'use_cuda': True, 'use_cudnn': 'always', 'cuda_device': 1})) == [
            'gpu', 'cudnn', 'gpu']
    assert _mark_names(testing.BackendConfig(
        {'use_chainerx': True, 'chainerx_device': 'native:0'})) == [
            'chainerx']
    assert _mark_names(testing.BackendConfig(
        {'use_chainerx': True, 'chainerx_device': 'cuda:0'})) == [
            'chainerx', 'gpu']
    assert _mark_names(testing.BackendConfig(
        {'use_ideep': 'always'})) == ['ideep']


def test_context_applies_config_and_get_array_sends():
    config = testing.BackendConfig({'autotune': True})
    with config:
        assert chainer_lite.config.autotune is True
        assert chainer_lite.config.use_cudnn == 'never'
    assert chainer_lite.config.autotune is False
    a = numpy.arange(3)
    assert config.get_array(a) is a


def test_inject_backend_tests_generates_a_class_per_config():
    class Base(unittest.TestCase):
        def test_uses_config(self, backend_config):
            assert isinstance(backend_config, testing.BackendConfig)
            type(self).seen.append(backend_config.use_cuda)

        def test_plain(self):
            pass

    Base.seen = []
    Base.__module__ = __name__
    module = sys.modules[__name__]
    bundle = testing.inject_backend_tests(
        ['test_uses_config'], [{}, {'use_cuda': True}])(Base)
    classes = [case.klass for case in bundle.cases]
    try:
        plain, cpu, gpu = classes
        # The methods without a backend stay in a class of the base's name.
        assert plain.__name__ == 'Base'
        assert plain.test_uses_config is None
        assert cpu.test_plain is None and gpu.test_plain is None
        assert cpu.__name__ == 'Base_' + testing.BackendConfig(
            {}).get_func_str()
        assert [m.name for m in gpu.test_uses_config.pytestmark] == ['gpu']
        assert not hasattr(cpu.test_uses_config, 'pytestmark')
        result = unittest.TestResult()
        cpu('test_uses_config').run(result)
        assert result.wasSuccessful() and Base.seen == [False]
    finally:
        for c in classes:
            delattr(module, c.__name__)


def test_inject_backend_tests_argument_errors():
    with pytest.raises(TypeError):
        testing.inject_backend_tests('test_a', [{}])
    with pytest.raises(TypeError):
        testing.inject_backend_tests(None, {})
    with pytest.raises(TypeError):
        testing.inject_backend_tests(None, [1])
