"""L.Linear: parameters, Chainer's initial values, forward, learning."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
import chainer_lite.links as L
from chainer_lite import initializers


@hypothesis.given(in_size=st.integers(1, 6), out_size=st.integers(1, 6),
                  seed=st.integers(0, 2 ** 31 - 1))
def test_initial_values_match_chainer(in_size, out_size, seed):
    # W ~ LeCunNormal: numpy.random.normal(0, sqrt(1 / in_size)) from the
    # global state, cast to float32; b = 0.
    numpy.random.seed(seed)
    layer = L.Linear(in_size, out_size)
    numpy.random.seed(seed)
    expected = numpy.random.normal(
        0.0, numpy.sqrt(1. / in_size), (out_size, in_size))
    assert layer.W.dtype == numpy.float32
    numpy.testing.assert_array_equal(layer.W.array,
                                     expected.astype(numpy.float32))
    numpy.testing.assert_array_equal(layer.b.array, numpy.zeros(out_size))
    assert numpy.isnan(layer.W.grad).all()


def test_parameters():
    layer = L.Linear(3, 2)
    assert [name for name, _ in layer.namedparams()] == ['/W', '/b']
    assert layer.W.shape == (2, 3) and layer.b.shape == (2,)
    assert str(layer) == 'Linear(in_size=3, out_size=2, nobias=False)'


def test_nobias():
    layer = L.Linear(3, 2, nobias=True)
    assert layer.b is None
    assert [name for name, _ in layer.namedparams()] == ['/W']
    assert str(layer) == 'Linear(in_size=3, out_size=2, nobias=True)'


@hypothesis.given(batch=st.integers(1, 4), in_size=st.integers(1, 5),
                  out_size=st.integers(1, 5))
def test_forward(batch, in_size, out_size):
    layer = L.Linear(in_size, out_size,
                     initial_bias=initializers.Uniform(1.0))
    x = numpy.random.randn(batch, in_size).astype(numpy.float32)
    y = layer(x)
    expected = x.dot(layer.W.array.T) + layer.b.array
    numpy.testing.assert_allclose(y.array, expected, rtol=1e-5, atol=1e-6)


def test_forward_flattens_trailing_axes():
    layer = L.Linear(6, 2)
    x = numpy.random.randn(4, 2, 3).astype(numpy.float32)
    numpy.testing.assert_allclose(
        layer(x).array, layer(x.reshape(4, 6)).array, rtol=1e-6)


def test_n_batch_axes():
    layer = L.Linear(None, 2)
    x = numpy.random.randn(4, 3, 5).astype(numpy.float32)
    y = layer(x, n_batch_axes=2)
    assert layer.W.shape == (2, 5)
    assert y.shape == (4, 3, 2)


@pytest.mark.parametrize('args', [(None, 3), (3,)])
def test_lazy_initialization(args):
    numpy.random.seed(1)
    layer = L.Linear(*args)
    assert layer.W.array is None and layer.in_size is None
    assert layer.b.shape == (3,)
    x = numpy.ones((2, 5), numpy.float32)
    numpy.random.seed(2)
    y = layer(x)
    assert y.shape == (2, 3) and layer.W.shape == (3, 5)
    numpy.random.seed(2)
    expected = numpy.random.normal(0.0, numpy.sqrt(1. / 5), (3, 5))
    numpy.testing.assert_array_equal(layer.W.array,
                                     expected.astype(numpy.float32))


def test_lazy_parameter_grad():
    layer = L.Linear(None, 2)
    with pytest.raises(RuntimeError, match='Cannot retrieve Variable.grad'):
        layer.W.grad
    layer.cleargrads()
    assert layer.W.grad is None


def test_initializers():
    W = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    layer = L.Linear(3, 2, initialW=W, initial_bias=0.5)
    numpy.testing.assert_array_equal(layer.W.array, W)
    assert layer.W.array is not W
    numpy.testing.assert_array_equal(layer.b.array, [0.5, 0.5])
    layer = L.Linear(2, 2, initialW=initializers.Identity())
    numpy.testing.assert_array_equal(layer.W.array, numpy.eye(2))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float64])
def test_config_dtype(dtype):
    with chainer.using_config('dtype', dtype):
        layer = L.Linear(3, 2)
    assert layer.W.dtype == dtype and layer.b.dtype == dtype


def test_from_params():
    W = numpy.random.randn(2, 3).astype(numpy.float32)
    b = numpy.random.randn(2).astype(numpy.float32)
    layer = L.Linear.from_params(chainer.Variable(W), b)
    numpy.testing.assert_array_equal(layer.W.array, W)
    numpy.testing.assert_array_equal(layer.b.array, b)
    assert L.Linear.from_params(W, nobias=True).b is None
    with pytest.raises(ValueError, match='does not match the size of `b`'):
        L.Linear.from_params(W, numpy.zeros(3, numpy.float32))


def test_backward_gradients():
    layer = L.Linear(3, 2)
    x = chainer.Variable(numpy.random.randn(4, 3).astype(numpy.float32))
    gy = numpy.random.randn(4, 2).astype(numpy.float32)
    y = layer(x)
    y.grad = gy
    layer.cleargrads()
    y.backward()
    numpy.testing.assert_allclose(layer.W.grad, gy.T.dot(x.array), rtol=1e-5)
    numpy.testing.assert_allclose(layer.b.grad, gy.sum(axis=0), rtol=1e-5)
    numpy.testing.assert_allclose(x.grad, gy.dot(layer.W.array), rtol=1e-5)


def test_regression_learns():
    numpy.random.seed(0)
    true_W = numpy.random.randn(2, 4).astype(numpy.float32)
    x = numpy.random.randn(64, 4).astype(numpy.float32)
    t = x.dot(true_W.T) + 0.5
    layer = L.Linear(4, 2)

    def loss():
        return F.mean_squared_error(layer(x), t)

    first = float(loss().array)
    for _ in range(100):
        value = loss()
        layer.cleargrads()
        value.backward()
        for p in layer.params():
            p.array -= 0.1 * p.grad
    assert float(loss().array) < first * 0.01


def test_npz_roundtrip_into_lazy_link():
    import io
    from chainer_lite import serializers
    src = L.Linear(3, 2)
    buf = io.BytesIO()
    serializers.save_npz(buf, src)
    buf.seek(0)
    assert sorted(numpy.load(buf).keys()) == ['W', 'b']
    buf.seek(0)
    dst = L.Linear(None, 2)
    serializers.load_npz(buf, dst)
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)
    numpy.testing.assert_array_equal(dst.b.array, src.b.array)
