"""L.DecorrelatedBatchNormalization: whitening and statistics."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def test_whitens_each_group():
    layer = L.DecorrelatedBatchNormalization(4, groups=2, eps=1e-7)
    assert layer._persistent == {'avg_mean', 'avg_projection', 'N'}
    numpy.testing.assert_array_equal(layer.avg_projection,
                                     [numpy.eye(2)] * 2)
    x = numpy.random.randn(200, 4).astype(numpy.float32)
    x[:, 1] += x[:, 0]
    y = layer(x).array
    for g in range(2):
        group = y[:, 2 * g:2 * g + 2]
        numpy.testing.assert_allclose(numpy.cov(group.T, bias=True),
                                      numpy.eye(2), atol=1e-3)


def test_test_mode_with_identity_statistics():
    layer = L.DecorrelatedBatchNormalization(4, groups=4)
    x = numpy.random.randn(3, 4).astype(numpy.float32)
    with chainer.using_config('train', False):
        y = layer(x)
    numpy.testing.assert_allclose(y.array, x, rtol=1e-6)


def test_old_statistics_are_broadcast():
    from chainer_lite.links.normalization import \
        decorrelated_batch_normalization as module
    with pytest.warns(UserWarning, match='old DecorrelatedBatchNormalization'):
        fixed = module.fix_avg_mean(numpy.zeros(3), groups=2)
    assert fixed.shape == (2, 3)
    assert module.fix_avg_projection(numpy.eye(3), groups=1).shape == \
        (1, 3, 3)
