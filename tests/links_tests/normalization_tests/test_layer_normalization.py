"""L.LayerNormalization: per-example statistics."""
import numpy

import chainer_lite.links as L


def test_forward():
    layer = L.LayerNormalization(4)
    layer.gamma.array[...] = [1, 2, 3, 4]
    x = numpy.random.randn(3, 4).astype(numpy.float32)
    normalized = (x - x.mean(axis=1, keepdims=True)) / numpy.sqrt(
        x.var(axis=1, keepdims=True) + 1e-6)
    numpy.testing.assert_allclose(layer(x).array, normalized * [1, 2, 3, 4],
                                  rtol=1e-4, atol=1e-4)


def test_lazy_size():
    layer = L.LayerNormalization()
    assert layer.gamma.array is None
    layer(numpy.zeros((2, 5), numpy.float32))
    assert layer.gamma.shape == (5,) and layer.beta.shape == (5,)
