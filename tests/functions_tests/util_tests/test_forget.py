"""F.forget: same values and gradients as calling the function directly."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
from helpers import gradients


def _block(a, b):
    return F.tanh(a * b + a), F.sum(F.exp(a) * b, axis=-1)


test_forget_matches_direct_call = gradients.function_test(
    lambda a, b: F.forget(_block, a, b),
    lambda a, b: (numpy.tanh(a * b + a), (numpy.exp(a) * b).sum(axis=-1)),
    arity=2, shapes=gradients.same_shapes(2, min_dims=1),
    double_backward=False)


def test_forget_keeps_no_intermediate_graph():
    x = chainer.Variable(numpy.ones(3))
    y = F.forget(lambda a: a * 2 + 1, x)
    from chainer_lite.functions.util import forget
    assert isinstance(y.creator, forget.Forget)
    assert y.creator.inputs[0] is x.node


def test_forget_rejects_double_backprop():
    x = chainer.Variable(numpy.ones(3))
    y = F.sum(F.forget(lambda a: a * a, x))
    with pytest.raises(RuntimeError) as e:
        y.backward(enable_double_backprop=True)
    assert 'double backpropagation in functions.forget is not allowed' in \
        str(e.value)


def test_forget_checks_return_type():
    with pytest.raises(RuntimeError) as e:
        F.forget(lambda a: (a, 1), numpy.ones(2))
    assert '2nd element of a returned tuple is not Variable' in str(e.value)
    with pytest.raises(TypeError):
        F.forget(3, numpy.ones(2))
