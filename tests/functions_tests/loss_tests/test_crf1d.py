"""F.crf1d and F.argmax_crf1d against brute force over all label paths."""
import itertools

import numpy
import pytest

import chainer_lite.functions as F
from helpers import gradients


def _path_score(cost, xs, path):
    score = sum(x[y] for x, y in zip(xs, path))
    return score + sum(cost[a, b] for a, b in zip(path[:-1], path[1:]))


def _sequences(xs, lengths):
    # Per sequence, its rows of the time-major inputs.
    return [[x[b] for x in xs[:n]] for b, n in enumerate(lengths)]


LENGTHS = [3, 2, 2]


def _inputs(rng, dtype=numpy.float64):
    n_label = 3
    cost = rng.uniform(-1, 1, (n_label, n_label)).astype(dtype)
    xs = [rng.uniform(-1, 1, (sum(n > t for n in LENGTHS), n_label)).astype(
        dtype) for t in range(max(LENGTHS))]
    ys = [rng.randint(0, n_label, len(x)).astype(numpy.int32) for x in xs]
    return cost, xs, ys


@pytest.mark.parametrize('reduce', ['mean', 'no'])
def test_crf1d(reduce):
    cost, xs, ys = _inputs(numpy.random.RandomState(0))

    def reference(cost, *xs):
        losses = []
        for seq, labels in zip(_sequences(xs, LENGTHS),
                               _sequences(ys, LENGTHS)):
            scores = [_path_score(cost, seq, path) for path in
                      itertools.product(range(3), repeat=len(seq))]
            logz = numpy.log(numpy.exp(scores).sum())
            losses.append(logz - _path_score(cost, seq, labels))
        losses = numpy.array(losses)
        return losses.mean() if reduce == 'mean' else losses

    gradients.check_function(
        lambda cost, *xs: F.crf1d(cost, list(xs), ys, reduce), reference,
        (cost,) + tuple(xs))


def test_argmax_crf1d():
    cost, xs, _ = _inputs(numpy.random.RandomState(1), numpy.float32)
    score, path = F.argmax_crf1d(cost, xs)
    for b, seq in enumerate(_sequences(xs, LENGTHS)):
        best = max(itertools.product(range(3), repeat=len(seq)),
                   key=lambda p: _path_score(cost, seq, p))
        assert tuple(p[b] for p in path[:len(seq)]) == best
        assert score.array[b] == pytest.approx(
            _path_score(cost, seq, best), rel=1e-5)


def test_invalid_reduce():
    with pytest.raises(ValueError):
        F.crf1d(numpy.zeros((2, 2)), [numpy.zeros((1, 2))],
                [numpy.zeros(1, numpy.int32)], reduce='sum')
