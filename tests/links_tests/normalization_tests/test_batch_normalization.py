"""L.BatchNormalization: train/test/finetune modes, running statistics."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def _stats(x, axis):
    mean = x.mean(axis=axis)
    var = x.var(axis=axis)
    m = x.size // mean.size
    return mean, var, m


def _expand(a, axis):
    # Parameter-shaped array -> broadcastable against x.
    return numpy.expand_dims(a, axis)


def test_parameters_and_persistents():
    bn = L.BatchNormalization(3)
    assert [name for name, _ in bn.namedparams()] == ['/beta', '/gamma']
    assert bn._persistent == {'N', 'avg_mean', 'avg_var'}
    numpy.testing.assert_array_equal(bn.gamma.array, numpy.ones(3))
    numpy.testing.assert_array_equal(bn.beta.array, numpy.zeros(3))
    numpy.testing.assert_array_equal(bn.avg_mean, numpy.zeros(3))
    numpy.testing.assert_array_equal(bn.avg_var, numpy.ones(3))
    assert bn.N == 0 and bn.avg_mean.dtype == numpy.float32
    assert str(bn) == ('BatchNormalization(size=3, decay=0.9, eps=2e-05, '
                       'dtype=float32, use_gamma=True, use_beta=True)')


@pytest.mark.parametrize('shape,axis', [
    ((5, 3), (0,)),
    ((4, 3, 2, 2), (0, 2, 3)),
])
@hypothesis.given(seed=st.integers(0, 1000), decay=st.floats(0.0, 0.99))
@hypothesis.settings(max_examples=10)
def test_train_mode(shape, axis, seed, decay):
    rng = numpy.random.RandomState(seed)
    x = rng.randn(*shape).astype(numpy.float32)
    bn = L.BatchNormalization(3, decay=decay, initial_gamma=2.0,
                              initial_beta=0.5)
    y = bn(x)
    mean, var, m = _stats(x.astype(numpy.float64), axis)
    expected = 2.0 * (x - _expand(mean, axis)) / numpy.sqrt(
        _expand(var, axis) + 2e-5) + 0.5
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-4, atol=1e-4)
    # Moving averages, with the unbiased variance.
    numpy.testing.assert_allclose(bn.avg_mean, (1 - decay) * mean,
                                  rtol=1e-4, atol=1e-6)
    numpy.testing.assert_allclose(
        bn.avg_var, decay + (1 - decay) * var * m / (m - 1),
        rtol=1e-4, atol=1e-6)


def test_test_mode_uses_population_statistics():
    bn = L.BatchNormalization(2, initial_avg_mean=numpy.array([1., 2.]),
                              initial_avg_var=4.0)
    x = numpy.random.randn(3, 2).astype(numpy.float32)
    with chainer.using_config('train', False):
        y = bn(x)
    expected = (x - numpy.array([1., 2.])) / numpy.sqrt(4.0 + 2e-5)
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-5)
    numpy.testing.assert_array_equal(bn.avg_mean, [1., 2.])


def test_finetune_computes_exact_population_mean():
    bn = L.BatchNormalization(2)
    batches = [numpy.random.randn(4, 2).astype(numpy.float32)
               for _ in range(3)]
    bn.start_finetuning()
    for x in batches:
        bn(x, finetune=True)
    assert bn.N == 3
    numpy.testing.assert_allclose(
        bn.avg_mean, numpy.mean([x.mean(axis=0) for x in batches], axis=0),
        rtol=1e-5, atol=1e-6)
    bn.start_finetuning()
    assert bn.N == 0


def test_without_gamma_and_beta():
    bn = L.BatchNormalization(3, use_gamma=False, use_beta=False)
    assert list(bn.params()) == []
    x = numpy.random.randn(6, 3).astype(numpy.float32)
    y = bn(x).array
    numpy.testing.assert_allclose(y.mean(axis=0), 0, atol=1e-5)


def test_axis_and_lazy_size():
    bn = L.BatchNormalization(axis=(0, 1))
    assert bn.avg_mean is None and bn.gamma.array is None
    x = numpy.random.randn(2, 3, 4).astype(numpy.float32)
    y = bn(x)
    assert bn.avg_mean.shape == (4,) and bn.gamma.shape == (4,)
    numpy.testing.assert_allclose(y.array.mean(axis=(0, 1)), 0, atol=1e-5)
    assert L.BatchNormalization(axis=0).axis == (0,)


def test_size_or_axis_required():
    with pytest.raises(RuntimeError, match='size or axis is required'):
        L.BatchNormalization()


def test_dtype():
    bn = L.BatchNormalization(2, dtype=numpy.float64)
    assert bn.gamma.dtype == numpy.float64
    assert bn.avg_var.dtype == numpy.float64
    with chainer.using_config('dtype', chainer.mixed16):
        assert L.BatchNormalization(2).avg_mean.dtype == numpy.float32


def test_rejects_test_argument():
    bn = L.BatchNormalization(2)
    with pytest.raises(ValueError, match='test argument is not supported'):
        bn(numpy.zeros((2, 2), numpy.float32), test=True)


def test_gradients_reach_gamma_and_beta():
    bn = L.BatchNormalization(2)
    x = numpy.random.randn(5, 2).astype(numpy.float32)
    bn.cleargrads()
    chainer.functions.sum(bn(x) * numpy.array([1., 2.], numpy.float32)) \
        .backward()
    numpy.testing.assert_allclose(bn.beta.grad, [5., 10.], rtol=1e-5)
    numpy.testing.assert_allclose(bn.gamma.grad, [0., 0.], atol=1e-4)
