"""F.clipped_relu and F.relu6."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


test_clipped_relu = gradients.function_test(
    lambda x: F.clipped_relu(x, 0.5), lambda x: numpy.clip(x, 0, 0.5),
    avoid=[0.0, 0.5])
test_relu6 = gradients.function_test(
    F.relu6, lambda x: numpy.clip(x, 0, 6), ranges=(-8, 8),
    avoid=[0.0, 6.0])


def test_default_cap_is_20():
    y = F.clipped_relu(numpy.array([-1.0, 25.0], numpy.float32))
    numpy.testing.assert_array_equal(y.array, [0.0, 20.0])


def test_cap_must_be_float():
    with pytest.raises(TypeError):
        F.clipped_relu(numpy.zeros(2, numpy.float32), 1)
