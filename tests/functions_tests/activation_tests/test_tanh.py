"""F.tanh."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_tanh = gradients.function_test(F.tanh, numpy.tanh, ranges=(-3, 3))
