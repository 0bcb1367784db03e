"""GradientLARS: layer-wise adaptive rate scaling of each gradient."""
import hypothesis
import hypothesis.strategies as st
import numpy

from chainer_lite import optimizer_hooks

from . import _util


@hypothesis.given(weight_decay=st.floats(0, 0.5), seed=st.integers(0, 100),
                  small=st.booleans())
def test_lars(weight_decay, seed, small):
    threshold, eps = 1e-2, 1e-9
    link = _util.make_link(_util.SHAPES, seed=seed)
    if small:  # weight norms below the threshold: no scaling
        for p in link.params():
            p.array[...] *= 1e-4
    expected = []
    for p in link.params():
        w, g = p.array.astype(numpy.float64), p.grad.astype(numpy.float64)
        w_norm, g_norm = numpy.linalg.norm(w), numpy.linalg.norm(g)
        rate = 1.0
        if w_norm > threshold:
            rate = w_norm / (eps + g_norm + weight_decay * w_norm)
        expected.append(w - rate * (g + weight_decay * w))
    actual = _util.sgd_step_with_hook(link, optimizer_hooks.GradientLARS(
        threshold=threshold, weight_decay=weight_decay, eps=eps))
    for a, e in zip(actual, expected):
        numpy.testing.assert_allclose(a, e, rtol=1e-5, atol=1e-6)


def test_defaults():
    hook = optimizer_hooks.GradientLARS()
    assert (hook.threshold, hook.weight_decay, hook.eps) == (1e-2, 0.0, 1e-9)
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'GradientLARS', 'pre', True)
