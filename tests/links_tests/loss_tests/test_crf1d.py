"""L.CRF1d: loss and Viterbi decoding."""
import numpy

import chainer_lite.links as L


def test_argmax_follows_scores_with_zero_cost():
    crf = L.CRF1d(3)
    numpy.testing.assert_array_equal(crf.cost.array, numpy.zeros((3, 3)))
    labels = [[i % 3, (i + 1) % 3] for i in range(4)]
    xs = [numpy.eye(3, dtype=numpy.float32)[step] for step in labels]
    score, path = crf.argmax(xs)
    assert [list(p) for p in path] == labels


def test_loss_with_uniform_scores():
    # All paths are equally likely: the loss is length * log(n_label).
    crf = L.CRF1d(2)
    xs = [numpy.zeros((1, 2), numpy.float32)] * 3
    ys = [numpy.zeros(1, numpy.int32)] * 3
    numpy.testing.assert_allclose(crf(xs, ys).array, 3 * numpy.log(2),
                                  rtol=1e-5)


def test_transpose_option():
    crf = L.CRF1d(2)
    xs = [numpy.random.randn(n, 2).astype(numpy.float32) for n in (2, 3)]
    ys = [numpy.zeros(n, numpy.int32) for n in (2, 3)]
    loss = crf(xs, ys, transpose=True)
    assert loss.shape == ()
    _, paths = crf.argmax(xs, transpose=True)
    assert [len(p) for p in paths] == [2, 3]
