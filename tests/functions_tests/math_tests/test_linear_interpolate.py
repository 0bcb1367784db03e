"""F.linear_interpolate."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


test_linear_interpolate = gradients.function_test(
    F.linear_interpolate, lambda p, x, y: p * x + (1 - p) * y, arity=3,
    ranges=[(0, 1), (-1, 1), (-1, 1)])


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        F.linear_interpolate(*[numpy.zeros(s, numpy.float32)
                               for s in [(2,), (2,), (3,)]])
