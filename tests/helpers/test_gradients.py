"""The gradient helper, exercised on Variable arithmetic, F.sum, F.reshape."""
import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
import chainer_lite.functions as F
from helpers import gradients


# Variable arithmetic. Divisors and bases of powers stay in [0.5, 2].
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
test_pow_var_const = gradients.function_test(
    lambda a: a ** 3, lambda a: a ** 3)
test_rpow = gradients.function_test(
    lambda a: 2.0 ** a, lambda a: 2.0 ** a)
test_neg = gradients.function_test(lambda a: -a, numpy.negative)
test_add_constant = gradients.function_test(lambda a: a + 2, lambda a: a + 2)
test_rsub_constant = gradients.function_test(
    lambda a: 1 - a, lambda a: 1 - a)
test_mul_constant = gradients.function_test(
    lambda a: a * 3, lambda a: a * 3)
test_rdiv_constant = gradients.function_test(
    lambda a: 1 / a, lambda a: 1 / a, ranges=(0.5, 2))
test_abs = gradients.function_test(abs, numpy.abs, avoid=[0.0])

# F.sum over all axes, and F.reshape to a flat vector.
test_sum = gradients.function_test(F.sum, numpy.sum)
test_reshape = gradients.function_test(
    lambda x: F.reshape(x, (-1,)), lambda x: x.reshape(-1))


@hypothesis.given(data=st.data())
@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
def test_sum_over_an_axis(dtype, data):
    # The building blocks, for a test that draws an argument with the shape.
    x, = data.draw(gradients.inputs(dtype, gradients.same_shapes(1,
                                                                 min_dims=1)))
    axis = data.draw(st.integers(0, x.ndim - 1))
    gradients.check_function(
        lambda x: F.sum(x, axis=axis), lambda x: x.sum(axis=axis), (x,))


class _WrongGradient(chainer_lite.FunctionNode):
    # y = x ** 2 with a backward 10% too large.
    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        return x * x,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return 2.2 * x * gy,


def test_check_function_detects_a_wrong_backward():
    x = numpy.linspace(0.5, 1.0, 6).reshape(2, 3)
    with pytest.raises(AssertionError, match='check_backward failed'):
        gradients.check_function(
            lambda x: _WrongGradient().apply((x,))[0], numpy.square, (x,),
            double_backward=False)


def test_check_function_detects_a_wrong_forward():
    x = numpy.linspace(0.5, 1.0, 6).reshape(2, 3).astype(numpy.float32)
    with pytest.raises(AssertionError):
        gradients.check_function(lambda x: x * x, lambda x: x ** 3, (x,),
                                 backward=False, double_backward=False)


def test_check_function_detects_a_wrong_output_dtype():
    x = numpy.ones((2,), numpy.float32)
    with pytest.raises(AssertionError):
        gradients.check_function(
            lambda x: F.cast(x, numpy.float64), lambda x: x, (x,),
            backward=False, double_backward=False)


def test_check_function_detects_a_wrong_double_backward():
    class LinearBackward(chainer_lite.FunctionNode):
        # y = x ** 3 whose backward is right but not differentiable: the
        # gradient is built from the retained input as a constant.
        def forward(self, inputs):
            x, = inputs
            self.retain_inputs((0,))
            return x ** 3,

        def backward(self, indexes, grad_outputs):
            x, = self.get_retained_inputs()
            gy, = grad_outputs
            return gy * chainer_lite.Variable(3 * x.array ** 2),

    x = numpy.linspace(0.5, 1.0, 6).reshape(2, 3)
    gradients.check_function(
        lambda x: LinearBackward().apply((x,))[0], lambda x: x ** 3, (x,),
        double_backward=False)
    with pytest.raises(AssertionError, match='check_double_backward failed'):
        gradients.check_function(
            lambda x: LinearBackward().apply((x,))[0], lambda x: x ** 3, (x,))


def test_tolerance_table_covers_every_dtype_and_check():
    for dtype in gradients.FLOAT_DTYPES:
        for check in ('forward', 'backward', 'double_backward'):
            options = gradients.tolerance(dtype, check)
            assert options['atol'] > 0 and options['rtol'] > 0
    # Lower precision never gets tighter tolerances.
    for check in ('forward', 'backward', 'double_backward'):
        atols = [gradients.tolerance(d, check)['atol']
                 for d in gradients.FLOAT_DTYPES]
        assert atols == sorted(atols, reverse=True)


def test_tolerance_overrides_are_merged():
    options = gradients.tolerance(
        numpy.float32, 'backward', {'backward': {'atol': 0.5}})
    assert options['atol'] == 0.5
    assert options['rtol'] == gradients.TOLERANCES[
        numpy.dtype(numpy.float32)]['backward']['rtol']


@hypothesis.given(data=st.data())
def test_inputs_respect_ranges_avoid_and_dtype(data):
    dtype = data.draw(st.sampled_from(gradients.FLOAT_DTYPES))
    a, b = data.draw(gradients.inputs(
        dtype, gradients.broadcastable_shapes(2),
        ranges=[(0.5, 2), (-1, 1)], avoid=[[], [0.0]], margin=0.1))
    assert a.dtype == b.dtype == dtype
    assert ((0.49 <= a) & (a <= 2.01)).all()
    assert ((-1.01 <= b) & (b <= 1.01)).all()
    assert (numpy.abs(b) >= 0.099).all()
    numpy.broadcast_shapes(a.shape, b.shape)
