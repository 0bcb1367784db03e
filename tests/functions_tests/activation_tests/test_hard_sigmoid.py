"""F.hard_sigmoid."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_hard_sigmoid = gradients.function_test(
    F.hard_sigmoid, lambda x: numpy.clip(0.2 * x + 0.5, 0, 1),
    ranges=(-4, 4), avoid=[-2.5, 2.5])
