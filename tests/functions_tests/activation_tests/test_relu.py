"""F.relu: forward, gradients, dtype rules."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


test_relu = gradients.function_test(
    F.relu, lambda x: numpy.maximum(x, 0), avoid=[0.0])


def test_relu_rejects_int():
    with pytest.raises(type_check.InvalidType):
        F.relu(numpy.array([1, -1], numpy.int32))


def test_relu_gradient_is_zero_on_negative_side():
    x = chainer_lite.Variable(numpy.array([-2.0, 3.0], numpy.float32))
    y = F.relu(x)
    y.grad = numpy.ones(2, numpy.float32)
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [0.0, 1.0])
