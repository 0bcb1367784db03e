"""F.softmax_cross_entropy: both implementations, options and errors."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


def _reference(x, t, class_weight=None, ignore_label=-1, normalize=True,
               reduce='mean'):
    log_p = x - numpy.log(numpy.exp(x).sum(axis=1, keepdims=True))
    if class_weight is not None:
        shape = [1] * x.ndim
        shape[1] = -1
        log_p = log_p * class_weight.reshape(shape)
    valid = t != ignore_label
    picked = numpy.take_along_axis(
        log_p, numpy.expand_dims(numpy.where(valid, t, 0), 1), 1)[:, 0]
    loss = -picked * valid
    if reduce == 'no':
        return loss
    count = valid.sum() if normalize else len(x)
    return loss.sum() / max(count, 1)


@st.composite
def _problems(draw, dtype):
    n = draw(st.integers(1, 4))
    c = draw(st.integers(1, 4))
    extra = tuple(draw(st.lists(st.integers(1, 3), max_size=2)))
    x = draw(gradients.arrays(dtype, (n, c) + extra, -2, 2))
    t = numpy.array(draw(st.lists(
        st.integers(-1, c - 1), min_size=n * int(numpy.prod(extra)),
        max_size=n * int(numpy.prod(extra))))).astype(
            numpy.int32).reshape((n,) + extra)
    weight = draw(st.one_of(st.none(), gradients.arrays(dtype, (c,), 0.5, 2)))
    return x, t, weight


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['mean', 'no'])
@pytest.mark.parametrize('double', [False, True])
@hypothesis.given(data=st.data())
@hypothesis.settings(max_examples=6)
def test_softmax_cross_entropy(dtype, reduce, double, data):
    x, t, weight = data.draw(_problems(dtype))
    normalize = data.draw(st.booleans())

    def f(x):
        return F.softmax_cross_entropy(
            x, t, normalize=normalize, class_weight=weight, reduce=reduce,
            enable_double_backprop=double)

    gradients.check_function(
        f, lambda x: _reference(x, t, weight, -1, normalize, reduce), (x,),
        double_backward=double,
        tolerances={'forward': {'atol': 2e-2, 'rtol': 2e-2}}
        if dtype == numpy.float16 else None)


def test_implementations_agree_and_cache_score():
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (5, 4, 3)).astype(numpy.float32)
    t = rng.randint(-1, 4, (5, 3)).astype(numpy.int32)
    fast = F.softmax_cross_entropy(x, t)
    slow = F.softmax_cross_entropy(x, t, enable_double_backprop=True)
    numpy.testing.assert_allclose(fast.array, slow.array, rtol=1e-6)
    assert fast.creator.y is not None
    uncached = F.softmax_cross_entropy(x, t, cache_score=False)
    assert uncached.creator.y is None
    numpy.testing.assert_allclose(uncached.array, fast.array)


@pytest.mark.parametrize('double', [False, True])
@pytest.mark.parametrize('ignore_label', [-2, 9])
def test_non_default_ignore_label(double, ignore_label):
    x = numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float32)
    t = numpy.array([ignore_label, 1], numpy.int32)
    loss = F.softmax_cross_entropy(x, t, ignore_label=ignore_label,
                                   reduce='no', enable_double_backprop=double)
    numpy.testing.assert_allclose(
        loss.array, _reference(x, t, ignore_label=ignore_label, reduce='no'),
        rtol=1e-6)
    assert loss.array[0] == 0


def test_float16_mean_is_accumulated_in_float32():
    x = numpy.zeros((70000, 2), numpy.float16)
    t = numpy.zeros(70000, numpy.int32)
    loss = F.softmax_cross_entropy(x, t, normalize=False)
    assert loss.dtype == numpy.float16
    assert float(loss.array) == pytest.approx(numpy.log(2), rel=1e-3)


@pytest.mark.parametrize('reduce', ['mean', 'no'])
@pytest.mark.parametrize('soft_target_loss',
                         ['cross-entropy', 'kl-divergence'])
def test_soft_targets(reduce, soft_target_loss):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (3, 4, 2))
    t_hard = rng.randint(0, 4, (3, 2)).astype(numpy.int32)
    t_soft = numpy.moveaxis(numpy.eye(4)[t_hard], -1, 1)
    soft = F.softmax_cross_entropy(x, t_soft, reduce=reduce,
                                   soft_target_loss=soft_target_loss)
    hard = F.softmax_cross_entropy(x, t_hard, reduce=reduce)
    numpy.testing.assert_allclose(soft.array, hard.array, atol=1e-5)
    gy = None if reduce == 'mean' else rng.uniform(-1, 1, (3, 2))
    chainer_lite.gradient_check.check_backward(
        lambda x: F.softmax_cross_entropy(x, t_soft, reduce=reduce), x, gy,
        atol=1e-4, rtol=1e-3)


def test_single_backprop_refuses_double_backprop():
    x = chainer_lite.Variable(numpy.random.rand(2, 3))
    loss = F.softmax_cross_entropy(x, numpy.array([0, 1], numpy.int32))
    gx, = chainer_lite.grad([loss], [x], enable_double_backprop=True)
    with pytest.raises(RuntimeError, match='enable_double_backprop=True'):
        gx.grad = numpy.ones_like(gx.array)
        gx.backward()


@pytest.mark.parametrize('double', [False, True])
def test_labels_out_of_range_in_debug_mode(double):
    x = numpy.zeros((2, 2), numpy.float32)
    t = numpy.array([2, 0], numpy.int32)
    with chainer_lite.using_config('debug', True):
        with pytest.raises(ValueError, match=r'0 <= t < x.shape\[1\]'):
            F.softmax_cross_entropy(x, t, enable_double_backprop=double)


def test_label_out_of_range_without_debug_is_an_index_error():
    x = numpy.zeros((2, 2), numpy.float32)
    with pytest.raises(IndexError):
        F.softmax_cross_entropy(x, numpy.array([2, 0], numpy.int32))


@pytest.mark.parametrize('double', [False, True])
@pytest.mark.parametrize('kwargs', [
    {'class_weight': numpy.zeros((1, 2), numpy.float32)},
    {'class_weight': numpy.zeros(2, numpy.int32)},
    {'class_weight': chainer_lite.Variable(numpy.zeros(2, numpy.float32))},
    {'reduce': 'sum'},
])
def test_invalid_options(double, kwargs):
    x = numpy.zeros((2, 2), numpy.float32)
    t = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError):
        F.softmax_cross_entropy(x, t, enable_double_backprop=double,
                                **kwargs)


def test_invalid_soft_target_loss():
    with pytest.raises(ValueError):
        F.softmax_cross_entropy(numpy.zeros((1, 2)), numpy.zeros((1, 2)),
                                soft_target_loss='l2')


def test_type_check_message():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType) as e:
        F.softmax_cross_entropy(x, numpy.zeros((2, 1), numpy.int32))
    assert 't.ndim == x.ndim - 1' in str(e.value)
