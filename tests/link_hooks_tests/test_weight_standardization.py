"""link_hooks.WeightStandardization."""
import numpy

import chainer_lite.links as L
from chainer_lite import link_hooks


def test_weight_is_standardized_per_output():
    layer = L.Linear(5, 3, nobias=True)
    layer.add_hook(link_hooks.WeightStandardization())
    y = layer(numpy.eye(5, dtype=numpy.float32))
    W_std = y.array.T
    numpy.testing.assert_allclose(W_std.mean(axis=1), 0, atol=1e-5)
    numpy.testing.assert_allclose(W_std.var(axis=1), 1, rtol=1e-3)
    # The parameter itself is left as it was.
    assert not numpy.allclose(layer.W.array.mean(axis=1), 0)
