"""F.embed_id: row lookup, ignore_label, gradients."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite.utils import type_check
from helpers import gradients


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@hypothesis.given(data=st.data())
def test_embed_id(dtype, data):
    vocab = data.draw(st.integers(1, 5))
    ignore_label = data.draw(st.sampled_from([None, -1, 0, vocab]))
    ids = st.integers(-1 if ignore_label == -1 else 0, vocab - 1)
    if ignore_label == vocab:
        ids = st.integers(0, vocab)
    x = numpy.array(data.draw(st.lists(ids, min_size=1, max_size=6)),
                    dtype=data.draw(st.sampled_from(['i', 'l', 'h'])))
    W, = data.draw(gradients.inputs(dtype, st.just(((vocab, 3),))))

    def reference(x, W):
        y = W[numpy.where(x == ignore_label, 0, x)]
        y[x == ignore_label] = 0
        return y

    gradients.check_function(
        lambda x, W: F.embed_id(x, W, ignore_label), reference, (x, W))


def test_gradient_accumulates_repeated_ids():
    W = chainer_lite.Variable(numpy.zeros((3, 2), numpy.float32))
    y = F.embed_id(numpy.array([[2, 0], [2, 2]], numpy.int32), W,
                   ignore_label=0)
    y.grad = numpy.ones((2, 2, 2), numpy.float32)
    y.backward()
    numpy.testing.assert_array_equal(W.grad, [[0, 0], [0, 0], [3, 3]])


def test_type_errors():
    W = numpy.ones((3, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType, match='dtype.kind == i'):
        F.embed_id(numpy.zeros(2, numpy.float32), W)
    with pytest.raises(type_check.InvalidType, match='ndim == 2'):
        F.embed_id(numpy.zeros(2, numpy.int32), W[0])


def test_debug_mode_checks_range():
    W = numpy.ones((3, 2), numpy.float32)
    with chainer_lite.using_config('debug', True):
        with pytest.raises(ValueError, match='0 <= x < len'):
            F.embed_id(numpy.array([3], numpy.int32), W)
        F.embed_id(numpy.array([3], numpy.int32), W, ignore_label=3)


def _reference_embed_grad(W_shape, id_batches, gys, ignore_label):
    gW = numpy.zeros(W_shape, numpy.float64)
    for x, gy in zip(id_batches, gys):
        for i, row in zip(x.ravel(), gy.reshape(x.size, -1)):
            if i != ignore_label:
                gW[i] += row
    return gW


@hypothesis.given(data=st.data())
def test_many_uses_accumulate_like_separate_gradients(data):
    # An embedding used at several steps: the table adds the later steps'
    # rows in place (EmbedIDFunction.backward_accumulate); the sum must be
    # the plain one, also with a gradient already on W (which must not be
    # written into) and with double backprop on (the generic path).
    n_steps = data.draw(st.integers(1, 5))
    ignore_label = data.draw(st.sampled_from([None, 1]))
    keep_old_grad = data.draw(st.booleans())
    double = data.draw(st.booleans())
    rng = numpy.random.RandomState(data.draw(st.integers(0, 2 ** 16)))
    W = chainer_lite.Variable(rng.randn(4, 3).astype(numpy.float32))
    old = rng.randn(4, 3).astype(numpy.float32)
    if keep_old_grad:
        W.grad = old
    old_copy = old.copy()
    xs = [rng.randint(0, 4, (2,)).astype(numpy.int32)
          for _ in range(n_steps)]
    gys = [rng.randn(2, 3).astype(numpy.float32) for _ in range(n_steps)]
    loss = 0
    for x, gy in zip(xs, gys):
        loss += F.sum(F.embed_id(x, W, ignore_label) * gy)
    loss.backward(enable_double_backprop=double)
    expected = _reference_embed_grad((4, 3), xs, gys, ignore_label)
    if keep_old_grad:
        expected += old_copy
        numpy.testing.assert_array_equal(old, old_copy)
    numpy.testing.assert_allclose(W.grad, expected, rtol=1e-5, atol=1e-5)
    assert not W.grad_var._accumulator


def test_shared_gradient_buffer_is_not_written_after_backward():
    W = chainer_lite.Variable(numpy.zeros((3, 2), numpy.float32))
    x = numpy.array([0, 2], numpy.int32)
    loss = F.sum(F.embed_id(x, W)) + F.sum(F.embed_id(x, W))
    loss.backward()
    first = W.grad.copy()
    held = W.grad
    W.cleargrad()
    loss = F.sum(F.embed_id(x, W)) * 3
    loss.backward()
    numpy.testing.assert_array_equal(held, first)
    numpy.testing.assert_array_equal(W.grad, [[3, 3], [0, 0], [3, 3]])
