"""F.normalize (L2) and F.local_response_normalization."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_normalize(dtype, data):
    x = data.draw(gradients.arrays(
        dtype, data.draw(gradients.shapes(min_dims=1))))
    axis = data.draw(st.integers(0, x.ndim - 1))
    eps = data.draw(st.sampled_from([1e-5, 0.1]))
    hypothesis.assume(
        (numpy.sqrt((x.astype(numpy.float64) ** 2).sum(axis=axis)) > 0.2)
        .all())
    gradients.check_function(
        lambda x: F.normalize(x, eps, axis),
        lambda x: x / (numpy.sqrt((x ** 2).sum(axis=axis, keepdims=True))
                       + eps), (x,))


def test_normalize_zero_vector_has_finite_gradient():
    x = chainer_lite.Variable(numpy.array([[0., 0.], [3., 4.]], 'f'))
    y = F.normalize(x)
    numpy.testing.assert_array_equal(y.array[0], [0, 0])
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert numpy.isfinite(x.grad).all()
    # The gradient at 0 is 1 / eps in every direction.
    numpy.testing.assert_allclose(x.grad[0], [1e5, 1e5], rtol=1e-3)


def test_normalize_tuple_axis():
    x = numpy.arange(1., 9.).reshape(2, 2, 2)
    y = F.normalize(x, eps=0, axis=(1, 2))
    numpy.testing.assert_allclose(
        (y.array ** 2).sum(axis=(1, 2)), [1, 1])


def _lrn(x, n, k, alpha, beta):
    half = n // 2
    sq = x ** 2
    s = numpy.zeros_like(x)
    for c in range(x.shape[1]):
        s[:, c] = sq[:, max(0, c - half):c + half + 1].sum(axis=1)
    return x / (k + alpha * s) ** beta


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('n', [3, 5])
def test_local_response_normalization(dtype, n):
    rng = numpy.random.RandomState(n)
    x = rng.uniform(-1, 1, (2, 7, 3)).astype(dtype)
    # Large alpha so that the normalizer matters.
    gradients.check_function(
        lambda x: F.local_response_normalization(x, n, 2, 0.5, 0.75),
        lambda x: _lrn(x, n, 2, 0.5, 0.75), (x,))
