"""F.arctanh."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_arctanh = gradients.function_test(F.arctanh, numpy.arctanh,
                                       ranges=(-0.8, 0.8))
