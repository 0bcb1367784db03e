"""L.BatchRenormalization: renormalized training, plain test mode."""
import numpy

import chainer_lite as chainer
import chainer_lite.links as L


def test_first_step_equals_batch_normalization():
    # With rmax=1, dmax=0 the corrections are r=1, d=0: plain batch norm.
    x = numpy.random.randn(8, 3).astype(numpy.float32)
    renorm = L.BatchRenormalization(3)
    bn = L.BatchNormalization(3)
    numpy.testing.assert_allclose(renorm(x).array, bn(x).array, rtol=1e-4,
                                  atol=1e-5)
    numpy.testing.assert_allclose(renorm.avg_mean, bn.avg_mean, rtol=1e-5)


def test_test_mode_and_initial_statistics():
    layer = L.BatchRenormalization(2, initial_avg_mean=1.0,
                                   initial_avg_var=4.0)
    numpy.testing.assert_array_equal(layer.avg_mean, [1., 1.])
    numpy.testing.assert_array_equal(layer.avg_var, [4., 4.])
    x = numpy.random.randn(3, 2).astype(numpy.float32)
    with chainer.using_config('train', False):
        y = layer(x)
    numpy.testing.assert_allclose(y.array, (x - 1.) / numpy.sqrt(4 + 2e-5),
                                  rtol=1e-5)
