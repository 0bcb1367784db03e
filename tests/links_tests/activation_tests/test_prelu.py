"""L.PReLU: learned slope."""
import numpy

import chainer_lite as chainer
import chainer_lite.links as L


def test_forward_and_gradient():
    layer = L.PReLU(shape=(2,), init=0.5)
    numpy.testing.assert_array_equal(layer.W.array, [0.5, 0.5])
    x = numpy.array([[-2., 3.], [4., -1.]], numpy.float32)
    y = layer(x)
    numpy.testing.assert_array_equal(y.array, [[-1., 3.], [4., -0.5]])
    layer.cleargrads()
    chainer.functions.sum(y).backward()
    numpy.testing.assert_array_equal(layer.W.grad, [-2., -1.])
