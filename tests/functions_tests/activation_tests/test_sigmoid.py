"""F.sigmoid, and SigmoidGrad as the losses call it."""
import numpy

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.functions.activation import sigmoid
from helpers import gradients


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


test_sigmoid = gradients.function_test(F.sigmoid, _sigmoid, ranges=(-5, 5))


def test_sigmoid_large_inputs_do_not_overflow():
    x = numpy.array([-1000.0, 1000.0], numpy.float32)
    with numpy.errstate(over='raise'):
        y = F.sigmoid(x)
    numpy.testing.assert_array_equal(y.array, [0.0, 1.0])


def test_sigmoid_grad_node():
    y = numpy.array([0.25, 0.5], numpy.float32)
    gy = numpy.array([1.0, 2.0], numpy.float32)
    gx, = sigmoid.SigmoidGrad((None,)).apply((y, gy))
    numpy.testing.assert_allclose(gx.array, gy * y * (1 - y))
    assert isinstance(gx, chainer_lite.Variable)
