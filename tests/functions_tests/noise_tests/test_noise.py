"""F.gaussian, F.gumbel_softmax, F.simplified_dropconnect, F.zoneout."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.functions.noise import gaussian
from chainer_lite.functions.noise import zoneout
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_gaussian_with_fixed_noise(dtype):
    rng = numpy.random.RandomState(0)
    mean, ln_var = [rng.uniform(-1, 1, (3, 2)).astype(dtype)
                    for _ in range(2)]
    node = gaussian.Gaussian()
    node.apply((mean, ln_var))
    eps = node.eps
    assert eps.dtype == dtype
    gradients.check_function(
        lambda m, v: node.apply((m, v))[0],
        lambda m, v: m + numpy.exp(v / 2) * eps, (mean, ln_var))


def test_gaussian_eps_and_return_eps():
    mean = numpy.zeros(3, numpy.float32)
    ln_var = numpy.full(3, numpy.log(4), numpy.float32)
    eps = numpy.array([1, -1, 0.5], numpy.float32)
    y, returned = F.gaussian(mean, ln_var, eps=eps, return_eps=True)
    assert returned is eps
    numpy.testing.assert_allclose(y.array, 2 * eps)
    numpy.random.seed(0)
    y, drawn = F.gaussian(mean, ln_var, return_eps=True)
    numpy.random.seed(0)
    numpy.testing.assert_allclose(
        drawn, numpy.random.standard_normal(3).astype(numpy.float32))


def test_gumbel_softmax():
    numpy.random.seed(0)
    log_pi = numpy.log(numpy.array([[0.1, 0.9]] * 2000, numpy.float32))
    y = F.gumbel_softmax(log_pi, tau=0.01)
    assert y.dtype == numpy.float32 and y.shape == log_pi.shape
    numpy.testing.assert_allclose(y.array.sum(axis=1), 1, rtol=1e-5)
    # Nearly one-hot samples with the category frequencies of pi.
    assert abs(y.array[:, 1].mean() - 0.9) < 0.03
    scalar = F.gumbel_softmax(numpy.float32(1.0) * numpy.ones(()))
    assert scalar.array == 1


@pytest.mark.parametrize('batchwise', [True, False])
@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_simplified_dropconnect(batchwise, dtype):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (3, 2, 2)).astype(dtype)
    W = rng.uniform(-1, 1, (5, 4)).astype(dtype)
    b = rng.uniform(-1, 1, 5).astype(dtype)
    shape = (3, 5, 4) if batchwise else (5, 4)
    mask = rng.uniform(size=shape) > 0.5

    def reference(x, W, b):
        w = numpy.broadcast_to(W * mask * 2, (3, 5, 4))
        return numpy.einsum('njk,nk->nj', w, x.reshape(3, 4)) + b

    gradients.check_function(
        lambda x, W, b: F.simplified_dropconnect(
            x, W, b, ratio=0.5, mask=mask, use_batchwise_mask=batchwise),
        reference, (x, W, b),
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2}}
        if dtype == numpy.float16 else None)


def test_simplified_dropconnect_without_training_is_linear():
    rng = numpy.random.RandomState(2)
    x = rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)
    W = rng.uniform(-1, 1, (4, 3)).astype(numpy.float32)
    y = F.simplified_dropconnect(x, W, train=False)
    numpy.testing.assert_allclose(y.array, x.dot(W.T), rtol=1e-6)


def test_zoneout():
    rng = numpy.random.RandomState(3)
    h, x = [rng.uniform(-1, 1, (3, 4)) for _ in range(2)]
    node = zoneout.Zoneout(0.5)
    numpy.random.seed(0)
    y, = node.apply((h, x))
    numpy.testing.assert_array_equal(node.flag_h, ~node.flag_x)
    numpy.testing.assert_array_equal(
        y.array, numpy.where(node.flag_x, x, h))
    flag_x = node.flag_x
    gradients.check_function(
        lambda h, x: h * ~flag_x + x * flag_x,
        lambda h, x: numpy.where(flag_x, x, h), (h, x))
    hv, xv = chainer_lite.Variable(h), chainer_lite.Variable(x)
    y, = zoneout.Zoneout(0.5).apply((hv, xv))
    y.grad = numpy.ones_like(h)
    y.backward()
    numpy.testing.assert_array_equal(hv.grad + xv.grad, numpy.ones_like(h))
    with chainer_lite.using_config('train', False):
        assert F.zoneout(h, x) is x
