"""F.sinh and F.cosh."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_sinh = gradients.function_test(F.sinh, numpy.sinh, ranges=(-2, 2))
test_cosh = gradients.function_test(F.cosh, numpy.cosh, ranges=(-2, 2))
