"""L.Parameter: a link returning its single parameter."""
import numpy

import chainer_lite as chainer
import chainer_lite.links as L


def test_parameter_link():
    array = numpy.arange(3, dtype=numpy.float32)
    link = L.Parameter(array)
    assert link.W.array is array
    y = link()
    numpy.testing.assert_array_equal(y.array, array)
    link.cleargrads()
    chainer.functions.sum(y * y).backward()
    numpy.testing.assert_array_equal(link.W.grad, 2 * array)
