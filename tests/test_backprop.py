"""Backpropagation: accumulation, retain_grad, order, unchain, grad(), modes."""
import numpy as np
import pytest

import chainer_lite as chainer
from chainer_lite import Variable
import chainer_lite.functions as F


def test_leaf_gradients_accumulate_across_backward_calls():
    x = Variable(np.array(1.5))
    (x * 2).backward()
    (x * 2).backward()
    assert x.grad == 4.0
    x.cleargrad()
    x.grad = np.array(10.0)
    (x * 3).backward()
    assert x.grad == 13.0


def test_accumulated_grad_is_a_new_array():
    x = Variable(np.array([1.0]))
    g = np.array([5.0])
    x.grad = g
    (x * 2).backward()
    assert g[0] == 5.0
    assert x.grad[0] == 7.0


def test_output_grad_cleared_unless_retain_grad():
    x = Variable(np.array(2.0))
    h = x * x
    y = h * 3
    y.backward()
    assert y.grad is None and h.grad is None
    x.cleargrad()
    y = (x * x) * 3
    h = y.creator_node.inputs[0].get_variable()
    y.backward(retain_grad=True)
    assert y.grad == 1.0
    assert h.grad == 3.0
    assert x.grad == 12.0


def test_enable_double_backprop_builds_graph():
    x = Variable(np.array(3.0))
    y = x * x * x
    y.backward(enable_double_backprop=True)
    gx = x.grad_var
    assert gx.creator is not None
    x.cleargrad()
    gx.backward()
    assert x.grad == 18.0
    x2 = Variable(np.array(3.0))
    (x2 * x2).backward()
    assert x2.grad_var.creator is None


class _Record(chainer.FunctionNode):
    order = []

    def __init__(self, name):
        self.name = name

    def forward(self, inputs):
        return inputs[0].copy(),

    def backward(self, indexes, grad_outputs):
        _Record.order.append(self.name)
        return grad_outputs[0],


def test_backward_order_highest_rank_first_fifo_ties():
    _Record.order = []
    x = Variable(np.array([1.0]))
    a, = _Record('a').apply((x,))
    b, = _Record('b').apply((a,))
    c, = _Record('c').apply((x,))
    d, = _Record('d').apply((b,))
    y = d + c
    y.grad = np.ones(1)
    y.backward()
    assert _Record.order == ['d', 'b', 'a', 'c'] or \
        _Record.order == ['d', 'b', 'c', 'a']
    # ranks: a=0,b=1,c=0,d=2 -> d, b, then a and c in push order
    assert _Record.order[:2] == ['d', 'b']


def test_unchain_backward_makes_a_leaf():
    x = Variable(np.array(2.0))
    h = x * 3
    y = h * h
    h.unchain_backward()
    y.backward()
    assert x.grad is None
    assert h.grad == 12.0


def test_no_backprop_mode_and_force():
    x = Variable(np.array([1.0]))
    with chainer.no_backprop_mode():
        y = x * 2
        with chainer.force_backprop_mode():
            z = x * 2
    assert y.creator is None and y.requires_grad
    assert z.creator is not None


def test_requires_grad_false_inputs():
    y = Variable(np.array([1.0]), requires_grad=False) * 2
    assert not y.requires_grad
    x = Variable(np.array([1.0]), requires_grad=False)
    w = Variable(np.array([3.0]))
    (x * w).backward()
    assert x.grad is None and w.grad[0] == 1.0


def test_grad_function_subgraph_only():
    x = Variable(np.array([2.0]))
    z = Variable(np.array([5.0]))
    y = x * x * z
    gx, = chainer.grad([y], [x])
    assert gx.array[0] == 20.0
    assert x.grad is None and z.grad is None
    gx, = chainer.grad([y], [x], set_grad=True)
    assert x.grad[0] == 20.0
    with pytest.raises(TypeError):
        chainer.grad(y, [x])


def test_grad_many_elements_uses_ones():
    x = Variable(np.arange(3.0))
    gx, = chainer.grad([x * x], [x])
    np.testing.assert_array_equal(gx.array, 2 * np.arange(3.0))


def test_chainer_backward_multiple_outputs():
    x = Variable(np.array([1.0, 2.0]))
    y1 = x * 2
    y2 = x * x
    y1.grad = np.ones(2)
    y2.grad = np.ones(2)
    chainer.backward([y1, y2])
    np.testing.assert_array_equal(x.grad, [4.0, 6.0])
    with pytest.raises(ValueError):
        chainer.backward([y1], retain_grad=True)


def test_function_hook_sees_forward_and_backward():
    calls = []

    class Hook(chainer.FunctionHook):
        name = 'rec'

        def forward_preprocess(self, function, in_data):
            calls.append(('f', function.label))

        def backward_preprocess(self, function, in_data, out_grad):
            calls.append(('b', function.label))

    x = Variable(np.array([1.0]))
    with Hook():
        y = x * 2.0
        y.backward()
    assert ('f', '_ * 2.0') in calls and ('b', '_ * 2.0') in calls
    calls.clear()
    (x * 2.0).backward()
    assert calls == []


def test_debug_mode_nan_check():
    x = Variable(np.array([-1.0]))
    with chainer.using_config('debug', True):
        with pytest.raises(RuntimeError) as e:
            F.log(x)
    assert str(e.value) == 'NaN is detected on forward computation of log'


def test_in_place_gradient_sums_never_change_visible_arrays():
    # Gradients summed by backprop are added in place into a buffer it
    # owns; arrays visible elsewhere (retained grads, what a backward saw,
    # a leaf's previous grad) must keep their values.
    class Keep(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0].copy(),

        def backward(self, indexes, grad_outputs):
            self.seen = grad_outputs[0]
            self.seen_value = grad_outputs[0].array.copy()
            return grad_outputs[0],

    x = Variable(np.ones(3))
    previous = np.full(3, 10.0)
    x.grad = previous
    keep = Keep()
    h, = keep.apply((x,))
    a = h + h            # a's backward hands the same array to h twice
    b = a + a + a + x    # b's gradient reaches x as well
    y = F.sum(b * 2.0)
    y.backward(retain_grad=True)
    np.testing.assert_array_equal(b.grad, [2.0] * 3)
    np.testing.assert_array_equal(a.grad, [6.0] * 3)
    np.testing.assert_array_equal(h.grad, [12.0] * 3)
    np.testing.assert_array_equal(keep.seen.array, keep.seen_value)
    np.testing.assert_array_equal(x.grad, [10.0 + 12.0 + 2.0] * 3)
    np.testing.assert_array_equal(previous, [10.0] * 3)


def test_accumulated_gradients_stay_differentiable_with_double_backprop():
    x = Variable(np.array([2.0]))
    y = x * x + x * x * x  # two paths into x
    gx, = chainer.grad([y], [x], enable_double_backprop=True)
    ggx, = chainer.grad([gx], [x])
    np.testing.assert_allclose(gx.array, [2 * 2.0 + 3 * 4.0])
    np.testing.assert_allclose(ggx.array, [2 + 6 * 2.0])
