"""F.elu and F.selu."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


def _elu(x, alpha=1.0):
    return numpy.where(x > 0, x, alpha * numpy.expm1(x))


test_elu = gradients.function_test(F.elu, _elu, avoid=[0.0])
test_elu_alpha = gradients.function_test(
    lambda x: F.elu(x, alpha=0.3), lambda x: _elu(x, 0.3), avoid=[0.0])
# With a negative alpha, y > 0 no longer tells where x > 0.
test_elu_negative_alpha = gradients.function_test(
    lambda x: F.elu(x, alpha=-0.5), lambda x: _elu(x, -0.5), avoid=[0.0])
