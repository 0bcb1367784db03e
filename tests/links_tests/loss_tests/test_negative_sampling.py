"""L.NegativeSampling: parameters and sampler."""
import numpy

import chainer_lite.links as L


def test_parameters_and_sampler():
    link = L.NegativeSampling(3, [4, 1, 0], 2)
    numpy.testing.assert_array_equal(link.W.array, numpy.zeros((3, 3)))
    samples = link.sampler.sample((1000,))
    # Word 2 has count 0; word 0 is drawn about 4 ** 0.75 times as often
    # as word 1.
    assert (samples != 2).all()
    ratio = (samples == 0).sum() / max((samples == 1).sum(), 1)
    assert 2.0 < ratio < 4.0


def test_forward_with_zero_weights():
    # With W = 0 every sigmoid is 1/2: each example costs (1 + k) log 2.
    link = L.NegativeSampling(3, [1, 1, 1], 2)
    x = numpy.random.randn(4, 3).astype(numpy.float32)
    t = numpy.array([0, 1, 2, 0], numpy.int32)
    loss = link(x, t)
    numpy.testing.assert_allclose(loss.array, 4 * 3 * numpy.log(2),
                                  rtol=1e-5)
    per_example, samples = link(x, t, reduce='no', return_samples=True)
    assert per_example.shape == (4,) and samples.shape == (4, 3)
