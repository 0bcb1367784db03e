"""L.GroupNormalization: per-group statistics."""
import numpy
import pytest

import chainer_lite.links as L


def test_forward():
    layer = L.GroupNormalization(2, initial_gamma=2.0, initial_beta=1.0)
    x = numpy.random.randn(3, 4, 5).astype(numpy.float32)
    y = layer(x).array
    assert layer.gamma.shape == (4,)
    groups = x.reshape(3, 2, -1)
    normalized = (groups - groups.mean(axis=2, keepdims=True)) / numpy.sqrt(
        groups.var(axis=2, keepdims=True) + 1e-5)
    numpy.testing.assert_allclose(y, 2 * normalized.reshape(x.shape) + 1,
                                  rtol=1e-4, atol=1e-4)


def test_input_needs_two_dims():
    with pytest.raises(ValueError, match='at least 2'):
        L.GroupNormalization(1)(numpy.zeros(3, numpy.float32))
