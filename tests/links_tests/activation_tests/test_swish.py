"""L.Swish: x * sigmoid(beta * x)."""
import numpy

import chainer_lite.links as L


def test_forward_and_lazy_beta():
    layer = L.Swish(None, beta_init=2.0)
    x = numpy.random.randn(3, 4).astype(numpy.float32)
    y = layer(x)
    assert layer.beta.shape == (4,)
    numpy.testing.assert_allclose(
        y.array, x / (1 + numpy.exp(-2.0 * x)), rtol=1e-5, atol=1e-6)
    assert L.Swish((4,)).beta.shape == (4,)
