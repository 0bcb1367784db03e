"""F.negative_sampling and F.black_out."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


def _sampler(shape):
    return (numpy.arange(numpy.prod(shape)) % 5).reshape(shape).astype(
        numpy.int32)


def _log_sigmoid(v):
    return -numpy.logaddexp(0, -v)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['sum', 'no'])
def test_negative_sampling(dtype, reduce):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (3, 4)).astype(dtype)
    W = rng.uniform(-1, 1, (5, 4)).astype(dtype)
    t = numpy.array([0, -1, 3], numpy.int32)

    def reference(x, W):
        samples = _sampler((3, 3))
        samples[:, 0] = t
        loss = numpy.zeros(3)
        for i in range(3):
            if t[i] == -1:
                continue
            s = W[samples[i]].dot(x[i])
            loss[i] = -_log_sigmoid(s[0]) - _log_sigmoid(-s[1:]).sum()
        return loss.sum() if reduce == 'sum' else loss

    gradients.check_function(
        lambda x, W: F.negative_sampling(x, t, W, _sampler, 2, reduce),
        reference, (x, W),
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2}}
        if dtype == numpy.float16 else None)


def test_negative_sampling_returns_samples():
    x = numpy.zeros((2, 3), numpy.float32)
    W = numpy.zeros((5, 3), numpy.float32)
    t = numpy.array([4, 1], numpy.int32)
    loss, samples = F.negative_sampling(x, t, W, _sampler, 2,
                                        return_samples=True)
    assert samples.dtype == numpy.int32 and samples.shape == (2, 3)
    numpy.testing.assert_array_equal(samples[:, 0], t)
    # Every term is log(1 + exp(0)).
    assert float(loss.array) == pytest.approx(6 * numpy.log(2), rel=1e-6)


def test_negative_sampling_invalid_reduce():
    with pytest.raises(ValueError):
        F.negative_sampling(numpy.zeros((1, 1), numpy.float32),
                            numpy.zeros(1, numpy.int32),
                            numpy.zeros((2, 1), numpy.float32),
                            _sampler, 1, reduce='mean')


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_black_out(reduce):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (4, 3))
    W = rng.uniform(-1, 1, (5, 3))
    t = rng.randint(0, 5, 4).astype(numpy.int32)
    samples = rng.randint(0, 5, (4, 2)).astype(numpy.int32)

    def reference(x, W):
        pos = (W[t] * x).sum(axis=1)
        neg = numpy.einsum('nkd,nd->nk', W[samples], x)
        z = numpy.exp(pos) + numpy.exp(neg).sum(axis=1)
        loss = -(pos - numpy.log(z)
                 + numpy.log(1 - numpy.exp(neg) / z[:, None]).sum(axis=1))
        return loss.mean() if reduce == 'mean' else loss

    gradients.check_function(
        lambda x, W: F.black_out(x, t, W, samples, reduce), reference,
        (x, W))


def test_black_out_accepts_variables():
    x = chainer_lite.Variable(numpy.zeros((1, 2), numpy.float32))
    loss = F.black_out(x, chainer_lite.Variable(numpy.array([0], 'i')),
                       numpy.zeros((3, 2), numpy.float32),
                       chainer_lite.Variable(numpy.array([[1, 2]], 'i')))
    assert loss.shape == ()
