"""F.gaussian_kl_divergence, F.bernoulli_nll, F.gaussian_nll."""
import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _reduce(loss, reduce):
    return {'sum': loss.sum(), 'mean': loss.mean(), 'no': loss}[reduce]


@pytest.mark.parametrize('reduce', ['sum', 'mean', 'no'])
def test_vae_losses(reduce):
    rng = numpy.random.RandomState(0)
    for dtype in gradients.FLOAT_DTYPES:
        x, mean, ln_var = [rng.uniform(-1, 1, (3, 2)).astype(dtype)
                           for _ in range(3)]
        gradients.check_function(
            lambda m, v: F.gaussian_kl_divergence(m, v, reduce),
            lambda m, v: _reduce(0.5 * (m * m + numpy.exp(v) - v - 1),
                                 reduce), (mean, ln_var))
        gradients.check_function(
            lambda x, y: F.bernoulli_nll(x, y, reduce),
            lambda x, y: _reduce(
                -(x * numpy.log(1 / (1 + numpy.exp(-y)))
                  + (1 - x) * numpy.log(1 - 1 / (1 + numpy.exp(-y)))),
                reduce), (x, mean))
        gradients.check_function(
            lambda x, m, v: F.gaussian_nll(x, m, v, reduce),
            lambda x, m, v: _reduce(
                0.5 * (v + numpy.log(2 * numpy.pi))
                + 0.5 * (x - m) ** 2 * numpy.exp(-v), reduce),
            (x, mean, ln_var))


@pytest.mark.parametrize('func, n', [
    (F.gaussian_kl_divergence, 2), (F.bernoulli_nll, 2),
    (F.gaussian_nll, 3)])
def test_invalid_reduce(func, n):
    x = numpy.zeros(2, numpy.float32)
    with pytest.raises(ValueError):
        func(*([x] * n), reduce='max')
