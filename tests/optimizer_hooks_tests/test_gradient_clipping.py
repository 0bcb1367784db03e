"""GradientClipping: all gradients scaled to a global L2 norm <= threshold."""
import hypothesis
import hypothesis.strategies as st
import numpy

from chainer_lite import optimizer_hooks

from . import _util


@hypothesis.given(rate=st.floats(0.1, 3), seed=st.integers(0, 100))
def test_clipping(rate, seed):
    link = _util.make_link(_util.SHAPES, seed=seed)
    norm = numpy.sqrt(sum(numpy.square(p.grad.astype(numpy.float64)).sum()
                          for p in link.params()))
    expected = [p.array - p.grad * min(1, rate) for p in link.params()]
    actual = _util.sgd_step_with_hook(
        link, optimizer_hooks.GradientClipping(norm * rate))
    for a, e in zip(actual, expected):
        numpy.testing.assert_allclose(a, e, rtol=1e-5, atol=1e-5)


def test_attributes():
    hook = optimizer_hooks.GradientClipping(1.0)
    assert (hook.name, hook.timing, hook.threshold) == (
        'GradientClipping', 'pre', 1.0)
    assert not getattr(hook, 'call_for_each_param', False)
