"""F.sin, cos, tan, arcsin, arccos, arctan and arctan2."""
import numpy

import chainer_lite.functions as F
from helpers import gradients


test_sin = gradients.function_test(F.sin, numpy.sin, ranges=(-3, 3))
test_cos = gradients.function_test(F.cos, numpy.cos, ranges=(-3, 3))
test_tan = gradients.function_test(F.tan, numpy.tan)
test_arcsin = gradients.function_test(F.arcsin, numpy.arcsin,
                                      ranges=(-0.8, 0.8))
test_arccos = gradients.function_test(F.arccos, numpy.arccos,
                                      ranges=(-0.8, 0.8))
test_arctan = gradients.function_test(F.arctan, numpy.arctan, ranges=(-3, 3))
# Both inputs keep away from 0, where atan2 is discontinuous (x2 < 0) or
# steep.
test_arctan2 = gradients.function_test(
    F.arctan2, numpy.arctan2, arity=2,
    shapes=gradients.broadcastable_shapes(2), ranges=(-2, 2),
    avoid=[-0.5, 0.0, 0.5], margin=0.3)


def test_labels():
    x = numpy.ones(1, numpy.float32)
    assert [f(x).creator.label for f in (F.sin, F.cos, F.arctan)] == [
        'sin', 'cos', 'arctan']
