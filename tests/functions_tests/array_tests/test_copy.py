"""F.copy on the CPU: same values on the target device, gradient back."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.backends import _cpu
from chainer_lite.backends import cuda
from helpers import gradients


@pytest.mark.parametrize('dst', [-1, '@numpy', cuda.DummyDevice,
                                 chainer_lite.get_device('@numpy')])
def test_copy_to_host(dst):
    x = numpy.arange(6.0, dtype=numpy.float32).reshape(2, 3)
    y = F.copy(x, dst)
    assert isinstance(y.device, _cpu.CpuDevice)
    assert y.dtype == numpy.float32
    numpy.testing.assert_array_equal(y.array, x)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_gradients(dtype):
    x = numpy.random.uniform(-1, 1, (3, 2)).astype(dtype)
    gradients.check_function(lambda x: F.copy(x, -1), lambda x: x, (x,))


def test_requires_grad_follows_input():
    x = chainer_lite.Variable(numpy.ones(2, 'f'), requires_grad=False)
    assert not F.copy(x, -1).requires_grad
    assert F.copy(chainer_lite.Variable(numpy.ones(2, 'f')), -1).requires_grad
