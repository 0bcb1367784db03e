"""FunctionNode.apply contract, retention, errors; old-style Function."""
import numpy as np
import pytest

import chainer_lite as chainer
from chainer_lite import Variable
from chainer_lite.utils import type_check


class Square(chainer.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        return inputs[0] ** 2,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return 2 * x * grad_outputs[0],


def test_apply_returns_tuple_and_links_graph():
    x = Variable(np.array([3.0]))
    f = Square()
    ys = f.apply((x,))
    assert isinstance(ys, tuple) and len(ys) == 1
    y, = ys
    assert y.creator_node is f and y.creator is f
    assert f.inputs == (x.node,)
    assert f.outputs[0]() is y.node
    assert y.rank == 1 and f.rank == 0


def test_user_function_double_backprop():
    x = Variable(np.array([3.0]))
    y, = Square().apply((x,))
    gx, = chainer.grad([y], [x], enable_double_backprop=True)
    ggx, = chainer.grad([gx], [x])
    assert gx.array[0] == 6.0 and ggx.array[0] == 2.0


def test_type_check_error_names_function():
    with pytest.raises(type_check.InvalidType) as e:
        Square().apply((np.array([1, 2], np.int32),))
    msg = str(e.value)
    assert 'Invalid operation is performed in: Square (Forward)' in msg
    assert 'Expect: x.dtype.kind == f' in msg
    assert 'Actual: i != f' in msg


def test_type_check_can_be_disabled():
    with chainer.using_config('type_check', False):
        y, = Square().apply((np.array([2], np.int32),))
    assert y.array[0] == 4


def test_binary_dtype_mismatch_message():
    a = Variable(np.zeros(2, np.float32))
    b = Variable(np.zeros(2, np.float64))
    with pytest.raises(type_check.InvalidType) as e:
        a + b
    assert str(e.value) == ('\nInvalid operation is performed in: _ + _ '
                            '(Forward)\n\nExpect: lhs.dtype == rhs.dtype\n'
                            'Actual: float32 != float64')


def test_broadcast_shape_mismatch_message():
    a = Variable(np.zeros(2))
    b = Variable(np.zeros((2, 3)))
    with pytest.raises(type_check.InvalidType) as e:
        a + b
    assert 'cannot broadcast inputs of the following shapes:' in str(e.value)
    assert 'lhs.shape = (2,)' in str(e.value)


def test_incompatible_input_types():
    with pytest.raises(TypeError) as e:
        Square().apply((1.0,))
    assert str(e.value).startswith(
        'incompatible array types are mixed in the forward input (Square).')


def test_forward_must_return_tuple():
    class Bad(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0]

    with pytest.raises(TypeError) as e:
        Bad().apply((np.zeros(1),))
    assert str(e.value).startswith('forward output must be a tuple (Bad)')


def test_calling_node_raises():
    with pytest.raises(RuntimeError) as e:
        Square()(np.zeros(1))
    assert 'has been called as if it were a callable' in str(e.value)


def test_wrong_number_of_gradients():
    class Wrong(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0] + inputs[1],

        def backward(self, indexes, grad_outputs):
            return grad_outputs[0], grad_outputs[0], grad_outputs[0]

    x = Variable(np.ones(1))
    y, = Wrong().apply((x, x))
    with pytest.raises(ValueError) as e:
        y.backward()
    assert 'number of gradients returned from backward is incorrect' in \
        str(e.value)


def test_wrong_gradient_dtype_reports_bug():
    class WrongDtype(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0].copy(),

        def backward(self, indexes, grad_outputs):
            return Variable(np.ones(1, np.float64)),

    x = Variable(np.ones(1, np.float32))
    y, = WrongDtype().apply((x,))
    with pytest.raises(TypeError) as e:
        y.backward()
    assert 'Function `WrongDtype` (WrongDtype) has a bug.' in str(e.value)
    assert 'Dtype of data and grad mismatch' in str(e.value)


def test_retained_outputs_survive_gc_of_output():
    class ExpLike(chainer.FunctionNode):
        def forward(self, inputs):
            self.retain_outputs((0,))
            return np.exp(inputs[0]),

        def backward(self, indexes, grad_outputs):
            y, = self.get_retained_outputs()
            return y * grad_outputs[0],

    x = Variable(np.array([0.5]))
    s = chainer.functions.sum(ExpLike().apply((x,))[0])
    s.backward()
    np.testing.assert_allclose(x.grad, np.exp([0.5]))


def test_backward_accumulate_override_is_used():
    class Acc(chainer.FunctionNode):
        used = False

        def forward(self, inputs):
            return inputs[0].copy(),

        def backward_accumulate(self, indexes, grad_outputs, grad_inputs):
            Acc.used = True
            g = grad_outputs[0]
            return (g if grad_inputs[0] is None else g + grad_inputs[0]),

    x = Variable(np.array([1.0]))
    y = Acc().apply((x,))[0] + x
    y.backward()
    assert Acc.used and x.grad[0] == 2.0


class OldSquare(chainer.Function):

    def forward_cpu(self, inputs):
        return inputs[0] ** 2,

    def backward_cpu(self, inputs, grad_outputs):
        return 2 * inputs[0] * grad_outputs[0],


def test_old_style_function():
    x = Variable(np.array([3.0]))
    f = OldSquare()
    y = f(x)
    assert isinstance(y, Variable)
    assert y.creator is f
    assert isinstance(y.creator_node, chainer.FunctionAdapter)
    y.backward()
    assert x.grad[0] == 6.0


def test_old_style_cannot_double_backprop():
    x = Variable(np.array([3.0]))
    y = OldSquare()(x)
    y.backward(enable_double_backprop=True)
    with pytest.raises(RuntimeError) as e:
        x.grad_var.backward()
    assert str(e.value) == (
        'cannot twice-differentiate an old style Function "OldSquare"')


def test_old_style_multiple_outputs_tuple():
    class Split(chainer.Function):
        def forward_cpu(self, inputs):
            return inputs[0] * 1, inputs[0] * 2

        def backward_cpu(self, inputs, gys):
            return gys[0] + 2 * gys[1],

    x = Variable(np.array([1.0]))
    a, b = Split()(x)
    (a + b).backward()
    assert x.grad[0] == 3.0


def test_type_check_set_on_the_instance_runs():
    class NoCheck(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0].copy(),

    calls = []
    f = NoCheck()
    f.check_type_forward = lambda in_types: calls.append(len(in_types))
    f.apply((np.zeros(2),))
    assert calls == [1]
