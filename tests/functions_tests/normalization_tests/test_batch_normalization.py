"""F.batch_normalization and F.fixed_batch_normalization."""
import warnings

import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _aggregate_axes(x_ndim, gamma_ndim):
    return (0,) + tuple(range(gamma_ndim + 1, x_ndim))


def _bn(x, gamma, beta, mean, var, eps, axis):
    shape = [1 if i in axis else n for i, n in enumerate(x.shape)]

    def e(v):
        return v.reshape(shape)
    return e(gamma) * (x - e(mean)) / numpy.sqrt(e(var) + eps) + e(beta)


@st.composite
def _bn_inputs(draw, dtype):
    gamma_shape = draw(gradients.shapes(min_dims=1, max_dims=2, max_side=3))
    x_shape = ((draw(st.integers(2, 4)),) + gamma_shape
               + tuple(draw(st.lists(st.integers(1, 2), max_size=1))))
    x = draw(gradients.arrays(dtype, x_shape))
    gamma = draw(gradients.arrays(dtype, gamma_shape, 0.5, 1))
    beta = draw(gradients.arrays(dtype, gamma_shape))
    axis = _aggregate_axes(len(x_shape), len(gamma_shape))
    # Batch statistics need some spread for stable gradients.
    hypothesis.assume((x.astype(numpy.float64).std(axis=axis) > 0.2).all())
    return x, gamma, beta


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_batch_normalization(dtype, data):
    x, gamma, beta = data.draw(_bn_inputs(dtype))
    eps = data.draw(st.sampled_from([2e-5, 0.5]))
    axis = _aggregate_axes(x.ndim, gamma.ndim)

    def reference(x, gamma, beta):
        return _bn(x, gamma, beta, x.mean(axis=axis), x.var(axis=axis),
                   eps, axis)

    gradients.check_function(
        lambda x, g, b: F.batch_normalization(x, g, b, eps=eps), reference,
        (x, gamma, beta),
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2},
                    'double_backward': {'atol': 5e-2, 'rtol': 5e-2}}
        if dtype == numpy.float16 else None)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_fixed_batch_normalization(dtype, data):
    x, gamma, beta = data.draw(_bn_inputs(dtype))
    mean = data.draw(gradients.arrays(dtype, gamma.shape))
    var = data.draw(gradients.arrays(dtype, gamma.shape, 0.5, 1))
    axis = _aggregate_axes(x.ndim, gamma.ndim)
    gradients.check_function(
        lambda *args: F.fixed_batch_normalization(*args, eps=1e-3),
        lambda *args: _bn(*args, 1e-3, axis), (x, gamma, beta, mean, var),
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2}}
        if dtype == numpy.float16 else None)


def test_running_statistics_are_updated_in_place():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (5, 3, 2)).astype(numpy.float32)
    gamma = numpy.ones(3, numpy.float32)
    beta = numpy.zeros(3, numpy.float32)
    running_mean = rng.uniform(-1, 1, 3).astype(numpy.float32)
    running_var = rng.uniform(0, 1, 3).astype(numpy.float32)
    mean0, var0 = running_mean.copy(), running_var.copy()
    F.batch_normalization(x, gamma, beta, running_mean=running_mean,
                          running_var=running_var, decay=0.8)
    m = 10
    numpy.testing.assert_allclose(
        running_mean, 0.8 * mean0 + 0.2 * x.mean(axis=(0, 2)), rtol=1e-5)
    numpy.testing.assert_allclose(
        running_var,
        0.8 * var0 + 0.2 * x.var(axis=(0, 2)) * m / (m - 1), rtol=1e-5)


def test_explicit_axis_and_mixed_dtypes():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (4, 3, 2)).astype(numpy.float16)
    gamma = rng.uniform(0.5, 1, (3, 2)).astype(numpy.float64)
    beta = rng.uniform(-1, 1, (3, 2)).astype(numpy.float64)
    y = F.batch_normalization(x, gamma, beta, axis=0)
    assert y.dtype == numpy.float16
    x64 = x.astype(numpy.float64)
    expected = _bn(x64, gamma, beta, x64.mean(axis=0), x64.var(axis=0),
                   2e-5, (0,))
    numpy.testing.assert_allclose(y.array, expected, atol=1e-2)


def test_single_sample_warns():
    x = numpy.ones((1, 3), numpy.float32)
    g = numpy.ones(3, numpy.float32)
    with pytest.warns(UserWarning, match='no more than one sample'):
        F.batch_normalization(x, g, g)
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        F.batch_normalization(numpy.ones((2, 3), numpy.float32), g, g)


def test_axis_errors_and_type_check():
    x = numpy.zeros((2, 3), numpy.float32)
    g = numpy.ones(3, numpy.float32)
    with pytest.raises(RuntimeError, match='ascending order'):
        F.batch_normalization(x, g, g, axis=(1, 0))
    with pytest.raises(RuntimeError, match='int, tuple of int or None'):
        F.batch_normalization(x, g, g, axis=1.0)
    with pytest.raises(type_check.InvalidType):
        F.batch_normalization(x, numpy.ones(2, numpy.float32),
                              numpy.ones(2, numpy.float32))
    with pytest.raises(ValueError, match='train argument'):
        F.batch_normalization(x, g, g, train=True)
