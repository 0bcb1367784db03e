"""FunctionTestCase and LinkTestCase: correct code passes, wrong code fails."""
import sys
import unittest

import numpy
import pytest

import chainer_lite
from chainer_lite import testing
from chainer_lite import utils


class _Square(chainer_lite.FunctionNode):

    def __init__(self, forward_offset=0, backward_factor=2,
                 differentiable_backward=True):
        self.forward_offset = forward_offset
        self.backward_factor = backward_factor
        self.differentiable_backward = differentiable_backward

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        return utils.force_array(x * x + self.forward_offset),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        if not self.differentiable_backward:
            x = chainer_lite.Variable(x.array)
        return self.backward_factor * x * grad_outputs[0],


def _run_generated_tests(case_class, **square_options):
    """Runs the tests of a FunctionTestCase for _Square on the CPU.

    Returns a dict mapping each test name to its outcome.
    """
    class Case(case_class):
        def generate_inputs(self):
            return numpy.random.uniform(0.5, 1, (2, 3)).astype(
                numpy.float32),

        def forward(self, inputs, device):
            assert isinstance(device, chainer_lite.backend.CpuDevice)
            return _Square(**square_options).apply(inputs)

        def forward_expected(self, inputs):
            x, = inputs
            return x * x,

    Case.__module__ = __name__
    bundle = testing.inject_backend_tests(None, [{}])(Case)
    klass, = [case.klass for case in bundle.cases]
    outcomes = {}
    try:
        for name in ('test_forward', 'test_backward', 'test_double_backward'):
            result = unittest.TestResult()
            klass(name).run(result)
            if result.skipped:
                outcomes[name] = 'skipped'
            elif result.failures:
                outcomes[name] = result.failures[0][1]
            elif result.errors:
                outcomes[name] = 'error: ' + result.errors[0][1]
            else:
                outcomes[name] = 'passed'
    finally:
        delattr(sys.modules[__name__], klass.__name__)
    return outcomes


def test_a_correct_function_passes():
    assert set(_run_generated_tests(testing.FunctionTestCase).values()) == {
        'passed'}


def test_a_wrong_forward_fails():
    outcomes = _run_generated_tests(testing.FunctionTestCase,
                                    forward_offset=1)
    assert 'FunctionTestError' in outcomes['test_forward']
    assert 'Outputs do not match the expected values' in outcomes[
        'test_forward']


def test_a_wrong_backward_fails():
    outcomes = _run_generated_tests(testing.FunctionTestCase,
                                    backward_factor=3)
    assert outcomes['test_forward'] == 'passed'
    assert 'backward is not implemented correctly' in outcomes[
        'test_backward']


def test_a_non_differentiable_backward_fails_double_backward():
    outcomes = _run_generated_tests(testing.FunctionTestCase,
                                    differentiable_backward=False)
    assert outcomes['test_backward'] == 'passed'
    assert 'double backward is not implemented correctly' in outcomes[
        'test_double_backward']


def test_skip_flags():
    class Skipping(testing.FunctionTestCase):
        skip_forward_test = True
        skip_double_backward_test = True

    outcomes = _run_generated_tests(Skipping)
    assert outcomes == {'test_forward': 'skipped', 'test_backward': 'passed',
                        'test_double_backward': 'skipped'}


def test_inputs_reach_forward_non_contiguous_unless_asked():
    seen = []

    class Case(testing.FunctionTestCase):
        def generate_inputs(self):
            return numpy.ones((2, 3), numpy.float32),

        def forward(self, inputs, device):
            seen.append(inputs[0].array.flags.c_contiguous)
            return inputs[0] * 1,

        def forward_expected(self, inputs):
            return inputs[0].copy(),

    config = testing.BackendConfig({})
    Case('test_forward').run_test_forward(config)
    Case.contiguous = 'C'
    Case('test_forward').run_test_forward(config)
    assert seen == [False, True]


def test_forward_must_return_a_tuple_of_variables():
    class Case(testing.FunctionTestCase):
        def generate_inputs(self):
            return numpy.ones((2,), numpy.float32),

        def forward(self, inputs, device):
            return inputs[0] * 1

        def forward_expected(self, inputs):
            return inputs[0],

    with pytest.raises(testing.FunctionTestError, match='must return a tuple'):
        Case('test_forward').run_test_forward(testing.BackendConfig({}))


def test_generate_inputs_must_return_a_tuple():
    class Case(testing.FunctionTestCase):
        def generate_inputs(self):
            return numpy.ones((2,), numpy.float32)

    with pytest.raises(TypeError, match='must return a tuple'):
        Case('test_forward').run_test_forward(testing.BackendConfig({}))


def test_check_forward_options_are_used():
    class Case(testing.FunctionTestCase):
        def setUp(self):
            self.check_forward_options = {'atol': 0.2, 'rtol': 0}

        def generate_inputs(self):
            return numpy.ones((2,), numpy.float32),

        def forward(self, inputs, device):
            return inputs[0] + 0.1,

        def forward_expected(self, inputs):
            return inputs[0],

    case = Case('test_forward')
    case.setUp()
    case.run_test_forward(testing.BackendConfig({}))


def test_link_test_case():
    link = pytest.importorskip('chainer_lite.link')
    initializers = pytest.importorskip('chainer_lite.initializers')

    class Scale(link.Link):
        def __init__(self, initial_w=None):
            super().__init__()
            with self.init_scope():
                self.w = chainer_lite.Parameter(
                    initializers.Constant(1) if initial_w is None
                    else initial_w, shape=(3,))

        def forward(self, x):
            return x * self.w

    class Base(object):
        param_names = ('w',)

        def generate_params(self):
            return numpy.random.uniform(-1, 1, (3,)).astype(numpy.float32),

        def create_link(self, initializers):
            return Scale(*initializers)

        def generate_inputs(self):
            return numpy.random.uniform(-1, 1, (2, 3)).astype(numpy.float32),

        def forward_expected(self, link, inputs):
            return inputs[0] * link.w.array,

        def get_initializers(self):
            return [initializers.Constant(2),
                    testing.InitializerArgument(
                        None, initializers.Constant(1))],

    config = testing.BackendConfig({})

    class Forward(Base, testing.LinkTestCase):
        pass

    Forward('test_forward').test_forward(config)
    Forward('test_backward').test_backward(config)

    class Initializers(Base, testing.LinkInitializersTestCase):
        pass

    Initializers('test_initializers').test_initializers(config)
