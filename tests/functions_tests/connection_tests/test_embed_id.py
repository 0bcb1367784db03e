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
