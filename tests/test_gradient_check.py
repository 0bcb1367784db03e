"""gradient_check: numerical_grad, the backward checks, their reports."""
import hypothesis
import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite
from chainer_lite import gradient_check
from chainer_lite import utils
from helpers import gradients


@pytest.fixture(autouse=True)
def fixed_seed():
    # The checks draw directions from NumPy's global generator.
    state = numpy.random.get_state()
    numpy.random.seed(0)
    yield
    numpy.random.set_state(state)


def _uniform(*shape, dtype=numpy.float32):
    return numpy.random.uniform(-1, 1, shape).astype(dtype)


# numerical_grad

@hypothesis.given(
    x=hnp.arrays(numpy.float64, hnp.array_shapes(max_dims=2, max_side=3),
                 elements=st.floats(-2, 2)),
    data=st.data())
def test_numerical_grad_of_a_polynomial(x, data):
    gy = data.draw(hnp.arrays(numpy.float64, x.shape,
                              elements=st.floats(-1, 1)))
    gx, = gradient_check.numerical_grad(
        lambda: (x ** 3 - 2 * x,), (x,), (gy,), eps=1e-3)
    numpy.testing.assert_allclose(gx, (3 * x ** 2 - 2) * gy, atol=1e-5)


def test_numerical_grad_sums_over_outputs_and_skips_none_grads():
    x1 = _uniform(2, 1)
    x2 = _uniform(2, 1)
    g1, g3 = _uniform(2, 1), _uniform(2, 1)

    def f():
        return 2 * x1 + 3 * x2, 4 * x1 + 5 * x2, 6 * x1 + 7 * x2

    gx1, gx2 = gradient_check.numerical_grad(f, (x1, x2), (g1, None, g3))
    numpy.testing.assert_allclose(gx1, 2 * g1 + 6 * g3, atol=1e-2)
    numpy.testing.assert_allclose(gx2, 3 * g1 + 7 * g3, atol=1e-2)
    assert gx1.dtype == numpy.float32


def test_numerical_grad_restores_inputs_and_copies_outputs():
    x = _uniform(2, 3)
    before = x.copy()
    # The output is the input array itself, modified in place by the check.
    gx, = gradient_check.numerical_grad(lambda: (x,), (x,), (1,))
    numpy.testing.assert_allclose(gx, numpy.ones_like(x), atol=1e-3)
    numpy.testing.assert_array_equal(x, before)


def test_numerical_grad_five_points_are_exact_for_a_cubic():
    x = numpy.array([1.0])
    two, = gradient_check.numerical_grad(lambda: (x ** 3,), (x,), (1,),
                                         eps=0.1)
    five, = gradient_check.numerical_grad(lambda: (x ** 3,), (x,), (1,),
                                          eps=0.1,
                                          detect_nondifferentiable=True,
                                          diff_rtol=1.0)
    assert two[0] == pytest.approx(3.01)  # error eps**2 * f''' / 6
    assert five[0] == pytest.approx(3.0, abs=1e-12)


@pytest.mark.parametrize('eps', [0, -1.0])
def test_numerical_grad_rejects_non_positive_eps(eps):
    x = _uniform(2)
    with pytest.raises(AssertionError):
        gradient_check.numerical_grad(lambda: (x,), (x,), (1,), eps=eps)


def test_numerical_grad_rejects_integer_inputs():
    x = numpy.arange(3)
    with pytest.raises(RuntimeError, match='kind of float'):
        gradient_check.numerical_grad(lambda: (x,), (x,), (1,))


@pytest.mark.parametrize('name, x, result', [
    ('abs', 0.0, True),
    ('abs', 8e-4, True),
    ('abs', 1.2e-3, False),
    ('step', 0.0, True),
    ('exp', 0.5, False),
    ('log', 0.0, True),  # finite on one side only
    ('log', -1.0, False),  # never finite: outside the domain, no kink
    ('quadratic', 0.0, False),
])
def test_detect_nondifferentiable(name, x, result):
    functions = {
        'abs': numpy.abs,
        'step': lambda x: (x > 0).astype(x.dtype),
        'exp': numpy.exp,
        'log': numpy.log,
        'quadratic': lambda x: x * x + 2,
    }
    x = numpy.array([x], numpy.float32)
    gy = numpy.array([0.5], numpy.float32)

    def run():
        with numpy.errstate(all='ignore'):
            gradient_check.numerical_grad(
                lambda: (functions[name](x),), (x,), (gy,),
                detect_nondifferentiable=True)

    if result:
        with pytest.raises(gradient_check.NondifferentiableError,
                           match='non-differentiable point'):
            run()
    else:
        run()


# check_backward

class _Square(chainer_lite.FunctionNode):

    def __init__(self, factor=2):
        self.factor = factor  # 2 is right; anything else is a broken backward

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        return utils.force_array(x * x),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return self.factor * x * gy,


def _square(factor=2):
    return lambda x: _Square(factor).apply((x,))[0]


@pytest.mark.parametrize('dtype', [None, numpy.float32, numpy.float64])
def test_check_backward_accepts_a_correct_backward(dtype):
    gradient_check.check_backward(_square(), _uniform(2, 3), _uniform(2, 3),
                                  dtype=dtype, atol=1e-3, rtol=1e-3)


def test_check_backward_reports_a_wrong_backward():
    x = _uniform(2, 3)
    with pytest.raises(AssertionError) as e:
        gradient_check.check_backward(_square(3), x, _uniform(2, 3))
    message = str(e.value)
    assert message.startswith(
        'check_backward failed (eps=0.001 atol=1e-05 rtol=0.0001)\n')
    for part in ('inputs[0]:', 'grad_outputs[0]:', 'directions[0]:',
                 'gradients (numeric):', 'gradients (backward):',
                 'x: numeric gradient, y: backward gradient',
                 'assert_allclose failed'):
        assert part in message


def test_check_backward_with_a_loss_function():
    x = _uniform(3)
    gradient_check.check_backward(lambda x: chainer_lite.functions.sum(x * x),
                                  x, None, dtype=numpy.float64)


def test_check_backward_needs_y_grad_for_non_scalar_outputs():
    with pytest.raises(ValueError, match='y_grad argument cannot be omitted'):
        gradient_check.check_backward(_square(), _uniform(3), None)


def test_check_backward_rejects_mismatched_output_gradients():
    with pytest.raises(ValueError, match='do not match'):
        gradient_check.check_backward(_square(), _uniform(3), _uniform(4))
    with pytest.raises(ValueError, match='equally as many'):
        gradient_check.check_backward(_square(), _uniform(3),
                                      (_uniform(3), _uniform(3)))


def test_check_backward_rejects_non_float_dtype_and_bad_no_grads():
    with pytest.raises(ValueError, match='only float type'):
        gradient_check.check_backward(_square(), _uniform(3), _uniform(3),
                                      dtype=numpy.int32)
    with pytest.raises(ValueError, match='Length of no_grads'):
        gradient_check.check_backward(_square(), _uniform(3), _uniform(3),
                                      no_grads=[False, False])


def test_check_backward_skips_integer_inputs():
    def f(x, t):
        assert t.dtype == numpy.int32
        return x * 2,
    gradient_check.check_backward(
        f, (_uniform(3), numpy.arange(3, dtype=numpy.int32)), _uniform(3),
        dtype=numpy.float64)


def test_check_backward_no_grads_requires_no_gradient():
    x, y, gy = _uniform(1), _uniform(1), _uniform(1)
    with pytest.raises(RuntimeError, match='must be None'):
        gradient_check.check_backward(lambda x, y: x + y, (x, y), gy,
                                      no_grads=[True, True])


def test_check_backward_notices_a_missing_gradient():
    # y is used as a constant array, so backprop gives it no gradient while
    # the output does depend on it.
    x, y, gy = _uniform(1), _uniform(1), _uniform(1)
    with pytest.raises(AssertionError):
        gradient_check.check_backward(lambda x, y: x + y.array, (x, y), gy)


def test_check_backward_with_params_restores_them():
    w_array = _uniform(2, 3)
    w = chainer_lite.Parameter(w_array)
    x = _uniform(2, 3)
    gradient_check.check_backward(lambda x: x * w, x, _uniform(2, 3),
                                  params=w, dtype=numpy.float64)
    assert w.array is w_array


def test_check_backward_checks_param_gradients():
    w = chainer_lite.Parameter(_uniform(3))
    with pytest.raises(AssertionError):
        gradient_check.check_backward(lambda x: _square(3)(w) * x,
                                      _uniform(3), _uniform(3), params=w)


@hypothesis.given(size=st.integers(0, 100), seed=st.integers(0, 2 ** 31))
def test_sample_unit_vector(size, seed):
    numpy.random.seed(seed)
    y = gradient_check._CheckBackward._sample_unit_vector(size, numpy)
    assert y.shape == (size,)
    if size:
        assert numpy.square(y).sum() == pytest.approx(1.0)
        assert numpy.abs(y).min() >= 0.1 / numpy.sqrt(size) * (1 - 1e-12)


# check_double_backward

def test_check_double_backward_multiple_inputs_and_outputs():
    x1, x2, gy1, gy2, ggx1, ggx2 = [_uniform(2, 3) for _ in range(6)]

    def f(x, y):
        w1 = x + y
        w2 = w1 + y
        return w1 * w1, w2 * w2

    gradient_check.check_double_backward(
        f, (x1, x2), (gy1, gy2), (ggx1, ggx2), dtype=numpy.float64)


def test_check_double_backward_with_params():
    x, gy, ggx, w_array, ggw = [_uniform(2, 3) for _ in range(5)]
    w = chainer_lite.Variable(w_array)
    gradient_check.check_double_backward(
        lambda x: x * x * w, x, gy, ggx, w, ggw, dtype=numpy.float64)


def test_check_double_backward_reports_a_non_differentiable_backward():
    class ConstantGrad(chainer_lite.FunctionNode):
        def forward(self, inputs):
            x, = inputs
            self.retain_inputs((0,))
            return x * x,

        def backward(self, indexes, grad_outputs):
            x, = self.get_retained_inputs()
            return grad_outputs[0] * chainer_lite.Variable(2 * x.array),

    x, gy, ggx = _uniform(3), _uniform(3), _uniform(3)
    with pytest.raises(AssertionError) as e:
        gradient_check.check_double_backward(
            lambda x: ConstantGrad().apply((x,))[0], x, gy, ggx)
    message = str(e.value)
    assert message.startswith('check_double_backward failed')
    for part in ('input[0]:', 'grad_output[0]:', 'grad_grad_input[0]:',
                 '(caused by)', 'check_backward failed'):
        assert part in message


def test_deprecated_assert_allclose():
    with pytest.warns(DeprecationWarning):
        gradient_check.assert_allclose(numpy.ones(2), numpy.ones(2))


# The helper's table drives the same checks for every float dtype.
test_square_all_dtypes = gradients.function_test(_square(), numpy.square)
