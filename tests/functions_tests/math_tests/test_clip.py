"""F.clip."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


test_clip = gradients.function_test(
    lambda x: F.clip(x, -0.5, 0.5), lambda x: numpy.clip(x, -0.5, 0.5),
    avoid=[-0.5, 0.5])
test_clip_lower_only = gradients.function_test(
    lambda x: F.clip(x, -0.5, None), lambda x: numpy.maximum(x, -0.5),
    avoid=[-0.5])
test_clip_upper_only = gradients.function_test(
    lambda x: F.clip(x, None, 0.5), lambda x: numpy.minimum(x, 0.5),
    avoid=[0.5])


@pytest.mark.parametrize('x_min, x_max', [(None, None), (1.0, 1.0),
                                          (2.0, 1.0)])
def test_clip_invalid_bounds(x_min, x_max):
    with pytest.raises(ValueError):
        F.clip(numpy.zeros(2, numpy.float32), x_min, x_max)
