"""GradientHardClipping: each gradient element clipped into [lower, upper]."""
import hypothesis
import hypothesis.strategies as st
import numpy

from chainer_lite import optimizer_hooks

from . import _util


@hypothesis.given(lower=st.floats(-3, 0), upper=st.floats(0, 3),
                  seed=st.integers(0, 100))
def test_hard_clipping(lower, upper, seed):
    link = _util.make_link(_util.SHAPES, seed=seed)
    expected = [p.array - numpy.clip(p.grad, lower, upper)
                for p in link.params()]
    grads = [p.grad for p in link.params()]
    actual = _util.sgd_step_with_hook(
        link, optimizer_hooks.GradientHardClipping(lower, upper))
    for a, e in zip(actual, expected):
        numpy.testing.assert_allclose(a, e, rtol=1e-6, atol=1e-6)
    # Clipped in place.
    for g, p in zip(grads, link.params()):
        assert p.grad is g


def test_attributes():
    hook = optimizer_hooks.GradientHardClipping(-1, 2)
    assert (hook.name, hook.timing, hook.call_for_each_param,
            hook.lower_bound, hook.upper_bound) == (
        'GradientHardClipping', 'pre', True, -1, 2)
