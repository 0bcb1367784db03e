"""Lasso: grad += rate * sign(param)."""
import hypothesis
import hypothesis.strategies as st
import numpy

from chainer_lite import optimizer_hooks

from . import _util


@hypothesis.given(rate=st.floats(0, 1), seed=st.integers(0, 100))
def test_lasso(rate, seed):
    link = _util.make_link(_util.SHAPES, seed=seed)
    expected = [p.array - p.grad - rate * numpy.sign(p.array)
                for p in link.params()]
    actual = _util.sgd_step_with_hook(link, optimizer_hooks.Lasso(rate))
    for a, e in zip(actual, expected):
        numpy.testing.assert_allclose(a, e, rtol=1e-6, atol=1e-6)


def test_attributes():
    hook = optimizer_hooks.Lasso(0.5)
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'Lasso', 'pre', True)
