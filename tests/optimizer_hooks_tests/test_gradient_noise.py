"""GradientNoise: grad += noise_func(xp, shape, dtype, hook, rule)."""
import numpy

from chainer_lite import optimizer_hooks
from chainer_lite.optimizer_hooks import gradient_noise

from . import _util


def test_custom_noise_function_receives_rule():
    link = _util.make_link(_util.SHAPES)
    calls = []

    def noise(xp, shape, dtype, hook, rule):
        calls.append((xp, shape, dtype, hook, rule.t))
        return xp.full(shape, 0.5, dtype)

    hook = optimizer_hooks.GradientNoise(0.3, noise_func=noise)
    expected = [p.array - (p.grad + 0.5) for p in link.params()]
    actual = _util.sgd_step_with_hook(link, hook)
    for a, e in zip(actual, expected):
        numpy.testing.assert_allclose(a, e, rtol=1e-6, atol=1e-6)
    assert [c[1] for c in calls] == [(2, 3), (2, 0, 1), ()]
    assert all(c[0] is numpy and c[3] is hook and c[4] == 0 for c in calls)


def test_default_noise_variance_anneals():
    class Rule(object):
        t = 99
    hook = optimizer_hooks.GradientNoise(0.3)
    numpy.random.seed(0)
    noise = gradient_noise.exponential_decay_noise(
        numpy, (20000,), numpy.float32, hook, Rule())
    assert noise.dtype == numpy.float32
    expected_std = numpy.sqrt(0.3 / 100 ** 0.55)
    assert abs(noise.std() - expected_std) < 0.05 * expected_std
    assert abs(noise.mean()) < 0.05 * expected_std


def test_attributes():
    hook = optimizer_hooks.GradientNoise(0.01)
    assert (hook.name, hook.timing, hook.call_for_each_param, hook.eta) == (
        'GradientNoise', 'pre', True, 0.01)
