"""Variable arithmetic: each operator and random compositions of them.

Forward against NumPy, backward and double backward against numerical
gradients (tests/helpers/gradients.py), for float16/32/64.
"""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
from chainer_lite import Variable
from chainer_lite.utils import type_check
from helpers import gradients


# Each operator on its own.
test_add = gradients.function_test(
    lambda a, b: a + b, numpy.add, arity=2,
    shapes=gradients.broadcastable_shapes(2))
test_sub = gradients.function_test(
    lambda a, b: a - b, numpy.subtract, arity=2,
    shapes=gradients.broadcastable_shapes(2))
test_mul = gradients.function_test(
    lambda a, b: a * b, numpy.multiply, arity=2,
    shapes=gradients.broadcastable_shapes(2))
test_div = gradients.function_test(
    lambda a, b: a / b, numpy.divide, arity=2,
    shapes=gradients.broadcastable_shapes(2), ranges=[(-1, 1), (0.5, 2)])
test_pow_var_var = gradients.function_test(
    lambda a, b: a ** b, numpy.power, arity=2,
    shapes=gradients.broadcastable_shapes(2), ranges=[(0.5, 2), (-1, 1)])
test_neg = gradients.function_test(lambda a: -a, numpy.negative)
test_abs = gradients.function_test(abs, numpy.abs, avoid=[0.0])
test_add_const = gradients.function_test(lambda a: a + 2.5, lambda a: a + 2.5)
test_radd_const = gradients.function_test(lambda a: 2.5 + a, lambda a: 2.5 + a)
test_sub_const = gradients.function_test(lambda a: a - 2.5, lambda a: a - 2.5)
test_rsub_const = gradients.function_test(lambda a: 2.5 - a, lambda a: 2.5 - a)
test_mul_const = gradients.function_test(lambda a: a * -1.5, lambda a: -1.5 * a)
test_div_const = gradients.function_test(lambda a: a / 4.0, lambda a: a / 4.0)
test_rdiv_const = gradients.function_test(
    lambda a: 2.0 / a, lambda a: 2.0 / a, ranges=(0.5, 2))
test_pow_const = gradients.function_test(
    lambda a: a ** 3, lambda a: a ** 3)
test_pow_frac_const = gradients.function_test(
    lambda a: a ** 1.5, lambda a: a ** 1.5, ranges=(0.5, 2))
test_rpow_const = gradients.function_test(
    lambda a: 2.0 ** a, lambda a: 2.0 ** a)
test_add_ndarray = gradients.function_test(
    lambda a: a + numpy.full(a.shape, 0.25, a.dtype),
    lambda a: a + 0.25)
test_rmul_ndarray = gradients.function_test(
    lambda a: numpy.full(a.shape, 3.0, a.dtype) * a, lambda a: 3.0 * a)


# Random compositions: expression trees over two inputs of one shape. Every
# node keeps its value within [-c, c] for a moderate c and away from poles,
# so that finite differences stay meaningful in float16 too.
UNARY = {
    'neg': (lambda t: -t, lambda t: -t),
    'scale': (lambda t: t * 0.5, lambda t: t * 0.5),
    'shift': (lambda t: t + 0.25, lambda t: t + 0.25),
    'rsub': (lambda t: 1.0 - t, lambda t: 1.0 - t),
    'square': (lambda t: t ** 2, lambda t: t ** 2),
    'recip': (lambda t: 1.0 / (t * t + 1.0), lambda t: 1.0 / (t * t + 1.0)),
}
BINARY = {
    'add': (lambda a, b: a + b, lambda a, b: a + b),
    'sub': (lambda a, b: a - b, lambda a, b: a - b),
    'mul': (lambda a, b: a * b, lambda a, b: a * b),
    'div': (lambda a, b: a / (b * b + 1.0), lambda a, b: a / (b * b + 1.0)),
    'pow': (lambda a, b: (a * a + 1.0) ** (b * 0.5),
            lambda a, b: (a * a + 1.0) ** (b * 0.5)),
}


def _trees(depth):
    leaf = st.sampled_from(['x', 'y'])
    if depth == 0:
        return leaf
    sub = _trees(depth - 1)
    return st.one_of(
        leaf,
        st.tuples(st.sampled_from(sorted(UNARY)), sub),
        st.tuples(st.sampled_from(sorted(BINARY)), sub, sub))


def _evaluate(tree, x, y, which):
    if tree == 'x':
        return x
    if tree == 'y':
        return y
    if len(tree) == 2:
        return UNARY[tree[0]][which](_evaluate(tree[1], x, y, which))
    return BINARY[tree[0]][which](_evaluate(tree[1], x, y, which),
                                  _evaluate(tree[2], x, y, which))


def _bounded(tree):
    # The composition must depend on x (so there is a gradient to check) and
    # stay moderate at the largest inputs.
    big = numpy.full((1,), 1.0)
    v = _evaluate(tree, big, -big, 1)
    return 'x' in str(tree) and numpy.all(numpy.abs(v) < 8)


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES,
                         ids=['float16', 'float32', 'float64'])
@hypothesis.given(data=st.data())
def test_random_compositions(dtype, data):
    tree = data.draw(_trees(3).filter(_bounded), label='tree')
    x, y = data.draw(gradients.inputs(
        dtype, gradients.same_shapes(2, max_dims=2)), label='inputs')
    seed = data.draw(st.integers(0, 2 ** 32 - 1), label='seed')
    overrides = None
    if numpy.dtype(dtype) == numpy.float16:
        # float16 rounding compounds along a chain of up to 7 operations.
        overrides = {'forward': {'atol': 3e-2, 'rtol': 3e-2},
                     'backward': {'atol': 5e-2, 'rtol': 1e-1},
                     'double_backward': {'atol': 1e-1, 'rtol': 2e-1}}
    gradients.check_function(
        lambda a, b: _evaluate(tree, a, b, 0) + 0 * b,
        lambda a, b: _evaluate(tree, a, b, 1) + 0 * b,
        (x, y), seed=seed, tolerances=overrides)


def test_scalar_is_cast_to_variable_dtype():
    v = Variable(numpy.array([1, 2], numpy.int32))
    assert (v + 0.5).array.tolist() == [1, 2]
    assert (v * 3).array.tolist() == [3, 6]
    half = Variable(numpy.array([1.0], numpy.float16))
    assert (half * 3.0).dtype == numpy.float16
    assert (2 ** half).dtype == numpy.float16


def test_ndarray_operand_is_cast_to_variable_dtype():
    v = Variable(numpy.ones(2, numpy.float32))
    assert (v + numpy.ones(2, numpy.float64)).dtype == numpy.float32
    assert (numpy.ones(2, numpy.float64) + v).dtype == numpy.float32


def test_int_division_by_scalar_truncates_like_chainer():
    v = Variable(numpy.array([1, 2], numpy.int32))
    # Chainer multiplies by the constant 1/2 cast to int32, i.e. by 0.
    y = v / 2
    assert y.dtype == numpy.int32 and y.array.tolist() == [0, 0]


def test_bad_operand_type():
    v = Variable(numpy.ones(2, numpy.float32))
    with pytest.raises(TypeError) as e:
        v + [1, 2]
    assert str(e.value) == (
        'Value must be a scalar, `numpy.ndarray`, `cupy.ndarray` or a '
        "`Variable`.\nActual: <class 'list'>")


def test_float_only_operators_reject_int():
    v = Variable(numpy.ones(2, numpy.int32))
    with pytest.raises(type_check.InvalidType) as e:
        abs(v)
    assert 'Expect: x.dtype.kind == f\nActual: i != f' in str(e.value)
    with pytest.raises(type_check.InvalidType):
        v * v
    assert (v + v).array.tolist() == [2, 2]
    assert (-v).array.tolist() == [-1, -1]


def test_floordiv_not_differentiable():
    x = Variable(numpy.array([3.5, -1.5]))
    y = x // 2.0
    assert y.array.tolist() == [1.0, -1.0]
    assert y.creator is None
    assert (7.0 // x).array.tolist() == [2.0, -5.0]


def test_matmul_operator():
    a = Variable(numpy.arange(6.0).reshape(2, 3))
    b = numpy.ones((3, 2))
    numpy.testing.assert_array_equal((a @ b).array, a.array @ b)
    numpy.testing.assert_array_equal((b @ a).array, b @ a.array)


def test_labels():
    x = Variable(numpy.ones(1))
    assert (x + x).creator.label == '_ + _'
    assert (x + 2).creator.label == '_ + 2'
    assert (x * -2).creator.label == '_ * (-2)'
    assert (2 ** x).creator.label == '2 ** _'
    assert abs(x).creator.label == '|_|'
    assert (-x).creator.label == '__neg__'


def test_multi_add():
    xs = [Variable(numpy.full((2,), float(i))) for i in range(4)]
    y = chainer_lite.functions.add(*xs)
    numpy.testing.assert_array_equal(y.array, [6.0, 6.0])
    chainer_lite.functions.sum(y).backward()
    for x in xs:
        numpy.testing.assert_array_equal(x.grad, [1.0, 1.0])
