"""F.discriminative_margin_based_clustering_loss."""
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F


def _reference(emb, labels, delta_v, delta_d, n):
    # Straightforward loops over images and instances (L2 norm).
    # Means per instance and image; the variance term of an instance is
    # averaged over its pixels in all images.
    means = numpy.zeros((n, emb.shape[0], emb.shape[1]))
    l_var = 0.0
    for c in range(n):
        var_sum = 0.0
        for b in range(emb.shape[0]):
            mask = labels[b] == c + 1
            if mask.any():
                means[c, b] = emb[b][:, mask].mean(axis=1)
            d = numpy.sqrt(((emb[b] - means[c, b][:, None, None]) ** 2
                            * mask).sum(axis=0))
            var_sum += (numpy.maximum(d - delta_v, 0) ** 2).sum()
        l_var += var_sum / max((labels == c + 1).sum(), 1)
    l_var /= n
    l_dist = 0.0
    pairs = 0
    for a in range(n):
        for c in range(a + 1, n):
            d = numpy.sqrt(((means[a] - means[c]) ** 2).sum(axis=1))
            l_dist += (numpy.maximum(2 * delta_d - d, 0) ** 2).sum()
            pairs += 1
    l_dist /= max(pairs * emb.shape[0], 1)
    # The norm of each instance's means is taken over all images at once.
    l_reg = numpy.sqrt((means ** 2).sum(axis=(1, 2))).sum() / (
        n * emb.shape[0])
    return l_var, l_dist, l_reg


def test_matches_reference_and_is_differentiable():
    rng = numpy.random.RandomState(0)
    emb = rng.uniform(-1, 1, (2, 3, 4, 4))
    labels = rng.randint(0, 4, (2, 4, 4)).astype(numpy.int32)
    x = chainer_lite.Variable(emb)
    terms = F.discriminative_margin_based_clustering_loss(
        x, labels, 0.1, 1.0, 3, norm=2, alpha=1.0, beta=1.0, gamma=1.0)
    expected = _reference(emb, labels, 0.1, 1.0, 3)
    for term, value in zip(terms, expected):
        assert float(term.array) == pytest.approx(value, rel=1e-6)

    # With norm=1 the gradient is finite everywhere (with norm=2, as in
    # Chainer, the norm of the zeros outside each mask has no derivative).
    x = chainer_lite.Variable(emb)
    terms = F.discriminative_margin_based_clustering_loss(
        x, labels, 0.1, 1.0, 3, norm=1)
    sum(terms).backward()
    assert x.grad.shape == emb.shape and numpy.isfinite(x.grad).all()


def test_invalid_arguments():
    x = numpy.zeros((1, 2, 2, 2), numpy.float32)
    labels = numpy.zeros((1, 2, 2), numpy.int32)
    with pytest.raises(ValueError):
        F.discriminative_margin_based_clustering_loss(x, labels, 1, 1, 0)
    with pytest.raises(ValueError):
        F.discriminative_margin_based_clustering_loss(
            x, labels, 1, 1, 2, norm=3)
