"""F.sqrt and F.rsqrt."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_sqrt = gradients.function_test(F.sqrt, numpy.sqrt, ranges=(0.5, 3))
test_rsqrt = gradients.function_test(
    F.rsqrt, lambda x: 1 / numpy.sqrt(x), ranges=(0.5, 3))


def test_sqrt_label():
    assert F.sqrt(numpy.ones(1, numpy.float32)).creator.label == 'sqrt'
