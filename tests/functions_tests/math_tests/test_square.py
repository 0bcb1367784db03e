"""F.square."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_square = gradients.function_test(F.square, numpy.square)
