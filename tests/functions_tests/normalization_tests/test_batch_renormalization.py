"""F.batch_renormalization and F.fixed_batch_renormalization."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


def _inputs(rng, dtype=numpy.float64):
    x = rng.uniform(-3, 3, (5, 3, 2)).astype(dtype)
    gamma = rng.uniform(0.5, 1, 3).astype(dtype)
    beta = rng.uniform(-1, 1, 3).astype(dtype)
    mean = rng.uniform(-1, 1, 3).astype(dtype)
    var = rng.uniform(0.5, 2, 3).astype(dtype)
    return x, gamma, beta, mean, var


@pytest.mark.parametrize('rmax, dmax', [(1, 0), (1.5, 0.5), (100, 100)])
def test_forward_and_gradients(rmax, dmax):
    x, gamma, beta, mean, var = _inputs(numpy.random.RandomState(0))
    eps = 1e-3
    axis = (0, 2)
    mu = x.mean(axis=axis)
    sigma = numpy.sqrt(x.var(axis=axis) + eps)
    running_sigma = numpy.sqrt(var + eps)
    r = numpy.clip(sigma / running_sigma, 1 / rmax, rmax)
    d = numpy.clip((mu - mean) / running_sigma, -dmax, dmax)

    def e(v):
        return v[None, :, None]

    expected = e(gamma) * ((x - e(mu)) / e(sigma) * e(r) + e(d)) + e(beta)
    y = F.batch_renormalization(x, gamma, beta, rmax, dmax, eps=eps,
                                running_mean=mean.copy(),
                                running_var=var.copy())
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-6)

    # r and d are constants for the gradients: compare with a batch
    # normalization of scale gamma * r and shift beta + gamma * d.
    rng = numpy.random.RandomState(1)
    gy = rng.uniform(-1, 1, x.shape)
    xs = [chainer_lite.Variable(v) for v in (x, gamma, beta)]
    y = F.batch_renormalization(*xs, rmax, dmax, eps=eps,
                                running_mean=mean.copy(),
                                running_var=var.copy())
    grads = chainer_lite.grad([y], xs, [chainer_lite.Variable(gy)])
    x2, g2, b2 = [chainer_lite.Variable(v) for v in (x, gamma, beta)]
    y2 = F.batch_normalization(x2, g2 * r, b2 + g2 * d, eps=eps)
    grads2 = chainer_lite.grad([y2], [x2, g2, b2],
                               [chainer_lite.Variable(gy)])
    for g, g_expected in zip(grads, grads2):
        numpy.testing.assert_allclose(g.array, g_expected.array, rtol=1e-6,
                                      atol=1e-10)


def test_double_backward():
    x, gamma, beta, _, _ = _inputs(numpy.random.RandomState(2))
    # Far-off running statistics clip r and d to (1.5, -0.5): they do not
    # vary with x, so finite differences see the same function.
    mean = numpy.full(3, 100.0)
    var = numpy.full(3, 1e-3)
    gradients.check_function(
        lambda x, g, b: F.batch_renormalization(
            x, g, b, 1.5, 0.5, running_mean=mean.copy(),
            running_var=var.copy()),
        None, (x, gamma, beta), forward=False, backward=False)


def test_update_statistics():
    x, gamma, beta, mean, var = _inputs(numpy.random.RandomState(3),
                                        numpy.float32)
    running_mean, running_var = mean.copy(), var.copy()
    F.batch_renormalization(x, gamma, beta, 2, 1, running_mean=running_mean,
                            running_var=running_var, update_statistics=True)
    numpy.testing.assert_allclose(
        running_mean, 0.9 * mean + 0.1 * x.mean(axis=(0, 2)), rtol=1e-5)
    numpy.testing.assert_allclose(
        running_var, 0.9 * var + 0.1 * x.var(axis=(0, 2)) * 10 / 9,
        rtol=1e-5)


def test_required_statistics_and_fixed_variant():
    x, gamma, beta, mean, var = _inputs(numpy.random.RandomState(4))
    with pytest.raises(TypeError, match='running_mean'):
        F.batch_renormalization(x, gamma, beta, 1, 0, running_var=var)
    with pytest.warns(DeprecationWarning):
        y = F.fixed_batch_renormalization(x, gamma, beta, mean, var)
    numpy.testing.assert_array_equal(
        y.array, F.fixed_batch_normalization(x, gamma, beta, mean, var).array)
