"""F.log1p."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_log1p = gradients.function_test(F.log1p, numpy.log1p, ranges=(-0.5, 2))
