"""L.SimplifiedDropconnect: dropped weights in training, linear in test."""
import numpy

import chainer_lite.links as L


def test_test_mode_is_linear():
    layer = L.SimplifiedDropconnect(3, 2, ratio=0.5)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    y = layer(x, train=False)
    numpy.testing.assert_allclose(
        y.array, x.dot(layer.W.array.T) + layer.b.array, rtol=1e-5,
        atol=1e-6)


def test_mask_is_stored_and_lazy_init():
    layer = L.SimplifiedDropconnect(None, 2)
    x = numpy.ones((1, 3), numpy.float32)
    mask = numpy.ones((1, 2, 3), numpy.float32)
    layer(x, mask=mask)
    assert layer.W.shape == (2, 3)
    assert layer.mask is mask and 'mask' in layer._persistent
