"""link_hooks.SpectralNormalization."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import link_hooks


def test_normalized_weight_has_unit_spectral_norm():
    layer = L.Linear(4, 3)
    hook = link_hooks.SpectralNormalization(n_power_iteration=50)
    layer.add_hook(hook)
    assert layer.W_u.shape == (3,) and 'W_u' in layer._persistent
    x = numpy.eye(4, dtype=numpy.float32)
    y = layer(x)
    # Rows of y are columns of W_sn (plus the zero bias).
    W_sn = y.array.T
    assert abs(numpy.linalg.svd(W_sn, compute_uv=False)[0] - 1) < 1e-3
    assert isinstance(layer.W, chainer.Parameter)
    layer.delete_hook(hook.name)
    assert not hasattr(layer, 'W_u')


def test_deconvolution_axis_and_gamma():
    deconv = L.Deconvolution2D(2, 3, 2)
    hook = link_hooks.SpectralNormalization(use_gamma=True)
    deconv.add_hook(hook)
    assert hook.axis == 1 and deconv.W_u.shape == (3,)
    matrix = deconv.W.array.transpose(1, 0, 2, 3).reshape(3, -1)
    numpy.testing.assert_allclose(
        deconv.gamma.array, numpy.linalg.svd(matrix, compute_uv=False)[0],
        rtol=1e-5)


def test_lazy_weight_and_errors():
    layer = L.Linear(None, 2)
    layer.add_hook(link_hooks.SpectralNormalization())
    layer(numpy.ones((1, 3), numpy.float32))
    assert layer.W.shape == (2, 3)
    with pytest.raises(ValueError, match='does not exist'):
        L.Linear(2, 2).add_hook(
            link_hooks.SpectralNormalization(weight_name='V'))
    with pytest.raises(NotImplementedError):
        with link_hooks.SpectralNormalization():
            pass
