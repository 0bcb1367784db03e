"""F.batch_l2_norm_squared."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


test_batch_l2_norm_squared = gradients.function_test(
    F.batch_l2_norm_squared,
    lambda x: (x.reshape(len(x), -1) ** 2).sum(axis=1),
    shapes=gradients.same_shapes(1, min_dims=2))


def test_needs_two_dims():
    with pytest.raises(type_check.InvalidType):
        F.batch_l2_norm_squared(numpy.zeros(3, numpy.float32))
