"""The type_check expression language, its messages and light mode."""
import builtins
import operator
import pickle

import numpy
import pytest
from hypothesis import given, settings, strategies as st

from chainer_lite.utils import type_check as T

SETTINGS = settings(max_examples=20, deadline=None)

BINARY = {
    '+': operator.add, '-': operator.sub, '*': operator.mul,
    '//': operator.floordiv, '%': operator.mod, '**': operator.pow,
    '<<': operator.lshift, '>>': operator.rshift, '&': operator.and_,
    '^': operator.xor, '|': operator.or_,
}
UNARY = {'-': operator.neg, '+': operator.pos, '~': operator.invert}


@st.composite
def expressions(draw, depth=3):
    # Small non-negative integers keep shifts, powers and floordiv defined;
    # the tree is rebuilt through Python operators on Expr objects.
    if depth == 0 or draw(st.booleans()):
        if draw(st.booleans()):
            return T.Variable(draw(st.integers(1, 3)), 'v')
        return draw(st.integers(1, 3))
    if draw(st.integers(0, 4)) == 0:
        term = draw(expressions(depth - 1))
        op = draw(st.sampled_from(sorted(UNARY)))
        if not isinstance(term, T.Expr):
            term = T.Constant(term)
        return UNARY[op](term)
    lhs = draw(expressions(depth - 1))
    rhs = draw(expressions(depth - 1))
    if not isinstance(lhs, T.Expr) and not isinstance(rhs, T.Expr):
        lhs = T.Constant(lhs)
    return BINARY[draw(st.sampled_from(sorted(BINARY)))](lhs, rhs)


def _value_or_none(expr):
    try:
        return expr.eval()
    except (ValueError, ZeroDivisionError, OverflowError):
        return None


@SETTINGS
@given(expressions(), st.integers(1, 3))
def test_str_reparses_to_the_same_value(expr, v):
    # Parenthesization is right iff Python reads str(expr) as the same tree.
    if not isinstance(expr, T.Expr):
        return
    for node in _variables(expr):
        node.value = v
    value = _value_or_none(expr)
    if value is None or abs(value) > 10 ** 6:
        return
    assert builtins.eval(str(expr), {'v': v}) == value


def _variables(expr):
    if isinstance(expr, T.Variable):
        yield expr
    for child in ('lhs', 'rhs', 'term'):
        sub = expr.__dict__.get(child)
        if isinstance(sub, T.Expr):
            yield from _variables(sub)


@SETTINGS
@given(st.integers(-5, 5), st.integers(-5, 5),
       st.sampled_from(['==', '!=', '<', '<=', '>', '>=']))
def test_comparison_expect_message(a, b, op):
    x = T.Variable(a, 'x')
    y = T.Variable(b, 'y')
    cond = {'==': x == y, '!=': x != y, '<': x < y, '<=': x <= y,
            '>': x > y, '>=': x >= y}[op]
    holds = {'==': a == b, '!=': a != b, '<': a < b, '<=': a <= b,
             '>': a > b, '>=': a >= b}[op]
    inverse = {'==': '!=', '!=': '==', '<': '>=', '<=': '>', '>': '<=',
               '>=': '<'}[op]
    assert cond.eval() == holds
    if holds:
        T.expect(cond)
    else:
        with pytest.raises(T.InvalidType) as info:
            T.expect(cond)
        assert str(info.value) == 'Expect: x {} y\nActual: {} {} {}'.format(
            op, a, inverse, b)
        assert info.value.expect == 'x {} y'.format(op)


def test_expression_building_is_lazy():
    t = T.Constant(0)
    assert isinstance(t[1], T.Expr)
    assert isinstance(t.x, T.Expr)
    assert isinstance(t(), T.Expr)
    with pytest.raises(TypeError):
        t[1].eval()
    with pytest.raises(AttributeError):
        t.x.eval()


def test_expr_is_not_a_bool():
    x = T.Variable(1, 'x')
    with pytest.raises(RuntimeError, match='cannot be evaluated as bool'):
        if x == 1:
            pass


def test_subscript_and_call_strings():
    x = T.Variable([1, 2, 3], 'x')
    assert str(x[1:]) == 'x[1:]'
    assert str(x[:2:1]) == 'x[:2:1]'
    assert str(x[..., 0]) == 'x[..., 0]'
    assert str(T.Variable(sum, 'sum')([1, x])) == 'sum([1, x])'
    assert str(T.GetAttr(x, 3)) == 'getattr(x, 3)'
    assert T.Variable({'a': 1}, 'd')['a'].eval() == 1
    assert str(T.Variable({'a': 1}, 'd')['a']) == "d['a']"


def test_lists_and_tuples_of_expressions():
    assert (T.Constant((1, 2)) == (T.Constant(1), 2)).eval()
    assert T._repr(()) == '()'
    assert T._repr((T.Constant(0),)) == '(0,)'
    assert T._repr([[T.Constant(0)]]) == '[[0]]'


def _full_types(*arrays):
    return T.get_types(arrays, 'in_types', False)


def test_get_types_describes_arrays():
    x = numpy.zeros((1, 2, 3), numpy.float32)
    ts = _full_types(x)
    assert isinstance(ts, T.TypeInfoTuple) and ts.name == 'in_types'
    t, = ts
    assert str(t.shape[1]) == 'in_types[0].shape[1]'
    assert t.shape.eval() == (1, 2, 3)
    assert t.ndim.eval() == 3 and t.size.eval() == 6
    assert t.dtype.eval() == numpy.float32
    assert str(ts.size()) == 'in_types.size' and ts.size().eval() == 1
    with pytest.raises(AssertionError):
        T.get_types([x], 'in_types', False)


def test_get_types_with_shapes_and_none():
    x = numpy.zeros((2, 3), numpy.float32)
    t, = T.get_types((x,), 'g', False, shapes=((3, 2),))
    assert t.shape.eval() == (3, 2)
    none, = T.get_types((None,), 'g', True)
    assert none.shape.eval() == () and none.dtype.eval() is None
    light, = T.get_light_types((x,), shapes=((3, 2),))
    assert light.shape == (3, 2) and light.dtype == numpy.float32


def _check_linear(in_types):
    # A check written the way function nodes write them.
    T._argname(in_types, ('x', 'W'))
    x_type, w_type = in_types
    T.expect(x_type.dtype.kind == 'f', w_type.dtype == x_type.dtype,
             x_type.ndim == 2, w_type.ndim == 2)
    T.expect(x_type.shape[1] == w_type.shape[1],
             T.prod(x_type.shape) == T.eval(x_type.shape[0]) *
             T.eval(x_type.shape[1]))


def _run_like_function_node(check, arrays, label='LinearFunction'):
    class Node(object):
        pass
    node = Node()
    node.label = label
    try:
        with T.light_mode:
            check(T.get_light_types(arrays))
        return None
    except T.InvalidType:
        pass
    with T.get_function_check_context(node):
        try:
            check(T.get_types(arrays, 'in_types', False))
        except T.InvalidType as e:
            return str(e)
    raise AssertionError('light mode failed but full mode passed')


shape_2d = st.tuples(st.integers(1, 4), st.integers(1, 4))


@SETTINGS
@given(st.one_of(shape_2d, st.tuples(st.integers(1, 3))), shape_2d,
       st.sampled_from(['f4', 'f8', 'i4']), st.sampled_from(['f4', 'f8']))
def test_light_and_full_mode_agree(x_shape, w_shape, x_dtype, w_dtype):
    x = numpy.zeros(x_shape, x_dtype)
    w = numpy.zeros(w_shape, w_dtype)
    message = _run_like_function_node(_check_linear, (x, w))
    ok = (x.dtype.kind == 'f' and x.dtype == w.dtype and x.ndim == 2 and
          x.shape[1] == w.shape[1])
    assert (message is None) == ok
    assert not T.in_light_mode()
    if message is not None:
        assert message.startswith(
            '\nInvalid operation is performed in: LinearFunction (Forward)'
            '\n\nExpect: ')


def test_full_mode_messages():
    x = numpy.zeros((2, 3), numpy.int32)
    w = numpy.zeros((5, 3), numpy.int32)
    assert _run_like_function_node(_check_linear, (x, w)) == (
        '\nInvalid operation is performed in: LinearFunction (Forward)\n\n'
        'Expect: x.dtype.kind == f\nActual: i != f')
    x = numpy.zeros((2, 3), numpy.float32)
    w = numpy.zeros((5, 4), numpy.float32)
    assert _run_like_function_node(_check_linear, (x, w)).endswith(
        'Expect: x.shape[1] == W.shape[1]\nActual: 3 != 4')
    w = numpy.zeros((5, 3), numpy.float64)
    assert _run_like_function_node(_check_linear, (x, w)).endswith(
        'Expect: W.dtype == x.dtype\nActual: float64 != float32')


def test_argname_count_mismatch():
    x = numpy.zeros(3)
    with pytest.raises(T.InvalidType) as info:
        T._argname(T.get_types((x,), 'in_types', False), ('x', 'y'))
    assert str(info.value) == 'Invalid number of arguments'
    assert info.value.expect == '2 argument(s)'
    assert info.value.actual == '1 argument(s)'
    assert T.argname is T._argname


def test_light_mode_values_are_plain():
    x = numpy.zeros((2, 3), numpy.float32)
    with T.light_mode:
        assert T.in_light_mode()
        t, = T.get_light_types((x,))
        assert t is x
        assert T.prod(t.shape) == 6
        assert T.eval(5) == 5
        assert T.make_variable(4, 'n') == 4
        assert T.get_light_types((x,)).size() == 1
        with pytest.raises(T.InvalidType):
            T.expect(True, False)
    assert not T.in_light_mode()
    v = T.make_variable(4, 'n')
    assert str(v) == 'n' and v.eval() == 4
    assert str(T.prod([])) == 'prod([])'


def test_invalid_type_outside_context_and_pickle():
    e = T.InvalidType('a == b', '1 != 2')
    assert str(e) == 'Expect: a == b\nActual: 1 != 2'
    restored = pickle.loads(pickle.dumps(T.InvalidType('x', 'y', 'msg')))
    assert restored.args == ('msg',)
    assert (restored.expect, restored.actual) == ('x', 'y')


def test_context_is_restored():
    class Node(object):
        label = 'Outer'
    with T.get_function_check_context(Node()):
        with T.get_function_check_context(None):
            assert str(T.InvalidType('a', 'b')).startswith('Expect')
        assert 'Outer' in str(T.InvalidType('a', 'b'))
    assert str(T.InvalidType('a', 'b')).startswith('Expect')


@SETTINGS
@given(st.lists(st.integers(1, 3), max_size=3),
       st.lists(st.integers(1, 3), max_size=3))
def test_expect_broadcast_shapes(lhs_shape, rhs_shape):
    lhs, rhs = numpy.zeros(lhs_shape), numpy.zeros(rhs_shape)
    try:
        numpy.broadcast(lhs, rhs)
        compatible = True
    except ValueError:
        compatible = False
    lhs_t, rhs_t = T.get_types((lhs, rhs), 'in_types', False)
    T._argname((lhs_t, rhs_t), ('lhs', 'rhs'))
    with T.light_mode:
        light = T.get_light_types((lhs, rhs))
        if compatible:
            T.expect_broadcast_shapes(light[0].shape, light[1].shape)
        else:
            with pytest.raises(T.InvalidType):
                T.expect_broadcast_shapes(light[0].shape, light[1].shape)
    if compatible:
        T.expect_broadcast_shapes(lhs_t.shape, rhs_t.shape)
    else:
        with pytest.raises(T.InvalidType) as info:
            T.expect_broadcast_shapes(lhs_t.shape, rhs_t.shape)
        assert str(info.value) == (
            'cannot broadcast inputs of the following shapes:\n'
            'lhs.shape = {}\nrhs.shape = {}'.format(
                tuple(lhs_shape), tuple(rhs_shape)))


def test_same_types():
    assert T.same_types(numpy.zeros(1), numpy.zeros((2, 2)))
    assert not T.same_types(numpy.zeros(1), [1.0])
