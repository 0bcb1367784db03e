"""F.identity."""
import numpy

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.functions.math import identity
from helpers import gradients


test_identity = gradients.function_test(F.identity, lambda x: x)
test_identity_two_inputs = gradients.function_test(
    F.identity, lambda x, y: (x, y), arity=2,
    shapes=gradients.broadcastable_shapes(2))


def test_identity_is_a_new_node():
    x = chainer_lite.Variable(numpy.ones(2, numpy.float32))
    y = F.identity(x)
    assert y is not x
    assert y.array is x.array
    assert isinstance(y.creator, identity.Identity)
