"""F.expm1."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_expm1 = gradients.function_test(F.expm1, numpy.expm1)


def test_expm1_small_inputs_are_exact():
    x = numpy.array([1e-10])
    numpy.testing.assert_allclose(F.expm1(x).array, x, rtol=1e-9)
