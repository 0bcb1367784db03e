"""F.softplus."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_softplus = gradients.function_test(
    F.softplus, lambda x: numpy.log1p(numpy.exp(x)), ranges=(-3, 3))
test_softplus_beta = gradients.function_test(
    lambda x: F.softplus(x, beta=2.0),
    lambda x: numpy.log1p(numpy.exp(2 * x)) / 2, ranges=(-3, 3))


def test_softplus_large_inputs():
    x = numpy.array([-1000.0, 1000.0], numpy.float32)
    numpy.testing.assert_allclose(F.softplus(x).array, [0.0, 1000.0])
