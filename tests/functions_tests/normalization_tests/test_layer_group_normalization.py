"""F.layer_normalization and F.group_normalization (and the row
standardization nodes they share)."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.normalization import group_normalization
from chainer_lite.utils import type_check
from helpers import gradients


def _standardize(x, eps):
    return (x - x.mean(axis=1, keepdims=True)) / numpy.sqrt(
        x.var(axis=1, keepdims=True) + eps)


def _spread(x, axis):
    return (x.astype(numpy.float64).std(axis=axis) > 0.2).all()


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_layer_normalization(dtype, data):
    n = data.draw(st.integers(1, 3))
    m = data.draw(st.integers(2, 5))
    x = data.draw(gradients.arrays(dtype, (n, m)))
    hypothesis.assume(_spread(x, 1))
    gamma, beta = data.draw(gradients.inputs(dtype, st.just(((m,), (m,)))))
    eps = data.draw(st.sampled_from([1e-5, 0.1]))
    gradients.check_function(
        lambda x, g, b: F.layer_normalization(x, g, b, eps),
        lambda x, g, b: _standardize(x, eps) * g + b, (x, gamma, beta),
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2},
                    'double_backward': {'atol': 5e-2, 'rtol': 5e-2}}
        if dtype == numpy.float16 else None)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_group_normalization(dtype, data):
    groups = data.draw(st.integers(1, 3))
    channels = groups * data.draw(st.integers(1, 2))
    shape = ((data.draw(st.integers(1, 2)), channels)
             + tuple(data.draw(st.lists(st.integers(1, 3), max_size=2))))
    x = data.draw(gradients.arrays(dtype, shape))
    hypothesis.assume(_spread(x.reshape(shape[0] * groups, -1), 1))
    gamma, beta = data.draw(gradients.inputs(
        dtype, st.just(((channels,), (channels,)))))

    def reference(x, gamma, beta):
        rows = _standardize(x.reshape(shape[0] * groups, -1), 1e-5)
        c_shape = (1, channels) + (1,) * (x.ndim - 2)
        return (rows.reshape(shape) * gamma.reshape(c_shape)
                + beta.reshape(c_shape))

    gradients.check_function(
        lambda x, g, b: F.group_normalization(x, groups, g, b),
        reference, (x, gamma, beta),
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2},
                    'double_backward': {'atol': 5e-2, 'rtol': 5e-2}}
        if dtype == numpy.float16 else None)


def test_mul_inv_std_node():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (3, 5))
    y = rng.uniform(-1, 1, (3, 5))
    eps = 1e-2

    def func(x, y):
        mean = x.array.mean(axis=1)
        inv_std = 1 / numpy.sqrt(x.array.var(axis=1) + eps)
        return group_normalization._MulInvStd(
            eps, mean, inv_std, None).apply((x, y))[0]

    gradients.check_function(
        func, lambda x, y: y / numpy.sqrt(x.var(axis=1, keepdims=True) + eps),
        (x, y))


def test_errors():
    x = numpy.zeros((2, 4), numpy.float32)
    g = numpy.ones(4, numpy.float32)
    with pytest.raises(ValueError, match='not divisible'):
        F.group_normalization(x, 3, g, g)
    with pytest.raises(TypeError):
        F.group_normalization(x, 2.0, g, g)
    with pytest.raises(type_check.InvalidType):
        F.layer_normalization(x, g.astype(numpy.float64), g)
