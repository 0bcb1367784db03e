"""F.connectionist_temporal_classification against brute force."""
import itertools

import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from chainer_lite import gradient_check
from helpers import gradients


def _collapse(alignment, blank):
    out = [k for k, _ in itertools.groupby(alignment)]
    return [k for k in out if k != blank]


def _ctc_reference(x, t, blank, input_length, label_length):
    # x: (T, B, V) scores. Sums the probabilities of all alignments.
    p = numpy.exp(x) / numpy.exp(x).sum(axis=2, keepdims=True)
    losses = []
    for b in range(x.shape[1]):
        n = input_length[b]
        label = list(t[b, :label_length[b]])
        total = 0.0
        for alignment in itertools.product(range(x.shape[2]), repeat=n):
            if _collapse(alignment, blank) == label:
                total += numpy.prod([p[s, b, k]
                                     for s, k in enumerate(alignment)])
        losses.append(-numpy.log(total))
    return numpy.array(losses)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_ctc(dtype, reduce):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (4, 2, 3)).astype(dtype)
    t = numpy.array([[0, 1], [1, 1]], numpy.int32)
    input_length = numpy.array([4, 3], numpy.int32)
    label_length = numpy.array([2, 1], numpy.int32)
    loss = F.connectionist_temporal_classification(
        list(x), t, 2, input_length, label_length, reduce)
    expected = _ctc_reference(x.astype(numpy.float64), t, 2, input_length,
                              label_length)
    if reduce == 'mean':
        expected = expected.mean()
    assert loss.dtype == dtype
    numpy.testing.assert_allclose(
        loss.array, expected,
        **gradients.tolerance(dtype, 'forward',
                              {'forward': {'atol': 1e-2, 'rtol': 1e-2}}
                              if dtype == numpy.float16 else None))
    gy = rng.uniform(-1, 1, loss.shape).astype(dtype)
    gradient_check.check_backward(
        lambda *xs: F.connectionist_temporal_classification(
            xs, t, 2, input_length, label_length, reduce),
        tuple(x), gy, dtype=numpy.float64, atol=1e-3, rtol=1e-2)


def test_default_lengths_and_variables():
    x = [chainer_lite.Variable(numpy.zeros((1, 2), numpy.float32))] * 2
    loss = F.connectionist_temporal_classification(
        x, numpy.array([[0]], numpy.int32), 1)
    assert float(loss.array) == pytest.approx(-numpy.log(0.75), rel=1e-6)


def test_errors():
    x = numpy.zeros((2, 1, 2), numpy.float32)
    t = numpy.zeros((1, 1), numpy.int32)
    with pytest.raises(TypeError):
        F.connectionist_temporal_classification(x, t, 1)
    with pytest.raises(TypeError):
        F.connectionist_temporal_classification(list(x), t, 1.0)
    with pytest.raises(ValueError):
        F.connectionist_temporal_classification(list(x), t, 1, reduce='sum')
