"""Each hook gives the same result on CuPy arrays as on NumPy arrays."""
import numpy
import pytest

from chainer_lite import optimizer_hooks

from . import _util

_HOOKS = [
    lambda: optimizer_hooks.WeightDecay(0.1),
    lambda: optimizer_hooks.Lasso(0.1),
    lambda: optimizer_hooks.GradientHardClipping(-1, 1),
    lambda: optimizer_hooks.GradientClipping(1.0),
    lambda: optimizer_hooks.GradientLARS(weight_decay=0.1),
    lambda: optimizer_hooks.GradientNoise(
        0.1, noise_func=lambda xp, shape, dtype, hook, rule: xp.full(
            shape, 0.25, dtype)),
]


@pytest.mark.gpu
@pytest.mark.parametrize('make_hook', _HOOKS)
def test_gpu_matches_cpu(make_hook):
    import cupy
    expected = _util.sgd_step_with_hook(
        _util.make_link(_util.SHAPES), make_hook())
    actual = _util.sgd_step_with_hook(
        _util.to_gpu(_util.make_link(_util.SHAPES)), make_hook())
    for a, e in zip(actual, expected):
        assert isinstance(a, cupy.ndarray)
        numpy.testing.assert_allclose(cupy.asnumpy(a), e, rtol=1e-5,
                                      atol=1e-6)
