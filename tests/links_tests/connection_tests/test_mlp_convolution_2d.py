"""L.MLPConvolution2D: a convolution followed by 1x1 convolutions."""
import numpy
import pytest

import chainer_lite.functions as F
import chainer_lite.links as L


def test_structure_and_forward():
    mlpconv = L.MLPConvolution2D(3, (4, 5, 2), 3, activation=F.tanh)
    assert [layer.W.shape for layer in mlpconv] == [
        (4, 3, 3, 3), (5, 4, 1, 1), (2, 5, 1, 1)]
    x = numpy.random.randn(1, 3, 5, 5).astype(numpy.float32)
    expected = mlpconv[2](F.tanh(mlpconv[1](F.tanh(mlpconv[0](x)))))
    numpy.testing.assert_allclose(mlpconv(x).array, expected.array)


def test_wscale_rejected():
    with pytest.raises(ValueError, match='wscale is not supported'):
        L.MLPConvolution2D(3, (4,), 3, wscale=1)
