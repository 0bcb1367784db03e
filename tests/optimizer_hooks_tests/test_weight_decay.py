"""WeightDecay: grad += rate * param (scaled by the loss scale)."""
import hypothesis
import hypothesis.strategies as st
import numpy

import chainer_lite as chainer
import chainer_lite.functions as F
from chainer_lite import optimizer_hooks
from chainer_lite import optimizers

from . import _util


@hypothesis.given(rate=st.floats(0, 1), seed=st.integers(0, 100))
def test_weight_decay(rate, seed):
    link = _util.make_link(_util.SHAPES, seed=seed)
    expected = [p.array - p.grad - rate * p.array for p in link.params()]
    actual = _util.sgd_step_with_hook(
        link, optimizer_hooks.WeightDecay(rate))
    for a, e in zip(actual, expected):
        numpy.testing.assert_allclose(a, e, rtol=1e-6, atol=1e-6)


def test_attributes():
    hook = optimizer_hooks.WeightDecay(0.5)
    assert (hook.name, hook.timing, hook.call_for_each_param, hook.rate) == (
        'WeightDecay', 'pre', True, 0.5)


def test_loss_scale_does_not_change_the_decay():
    def run(loss_scale):
        link = chainer.Link()
        with link.init_scope():
            link.p = chainer.Parameter(numpy.arange(3, dtype=numpy.float32))
        opt = optimizers.SGD(lr=1).setup(link)
        opt.add_hook(optimizer_hooks.WeightDecay(1 / 8.))
        F.sum(link.p ** 3).backward(loss_scale=loss_scale)
        opt.update()
        return link.p.array

    numpy.testing.assert_allclose(run(None), run(4.0))


def test_skips_uninitialized_parameter():
    param = chainer.Parameter()
    param.cleargrad()
    optimizer_hooks.WeightDecay(1.0)(None, param)
    assert param.array is None
