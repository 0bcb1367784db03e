"""F.leaky_relu with positive, zero and negative slopes."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


def _leaky_relu_test(slope):
    return gradients.function_test(
        lambda x: F.leaky_relu(x, slope),
        lambda x: numpy.where(x > 0, x, slope * x), avoid=[0.0])


test_leaky_relu = _leaky_relu_test(0.2)
test_leaky_relu_zero_slope = _leaky_relu_test(0.0)
# A negative slope makes y's sign differ from x's: backward must use x.
test_leaky_relu_negative_slope = _leaky_relu_test(-0.5)


def test_default_slope():
    y = F.leaky_relu(numpy.array([-1.0, 1.0]))
    numpy.testing.assert_allclose(y.array, [-0.2, 1.0])
