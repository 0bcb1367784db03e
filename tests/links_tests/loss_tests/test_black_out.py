"""L.BlackOut: parameters and fixed samples."""
import numpy

import chainer_lite.links as L


def test_forward_with_fixed_samples():
    link = L.BlackOut(3, [1, 2, 3, 4], 2)
    assert link.W.shape == (4, 3) and numpy.isnan(link.W.array).all()
    link.W.array[...] = 0
    link.sample_data = numpy.array([[1, 2], [3, 0]], numpy.int32)
    x = numpy.random.randn(2, 3).astype(numpy.float32)
    loss = link(x, numpy.array([0, 1], numpy.int32))
    # W = 0: every score is 0, the softmax over 1 + 2 words is uniform.
    expected = -(numpy.log(1 / 3) + 2 * numpy.log(2 / 3))
    numpy.testing.assert_allclose(loss.array, expected, rtol=1e-5)
