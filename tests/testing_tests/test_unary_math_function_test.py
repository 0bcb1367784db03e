"""testing.unary_math_function_unittest."""
import sys
import unittest

import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite import testing


def test_generated_tests_of_exp_pass():
    class Base(unittest.TestCase):
        pass

    Base.__module__ = __name__
    bundle = testing.unary_math_function_unittest(F.exp)(Base)
    classes = [case.klass for case in bundle.cases]
    try:
        assert len(classes) == 6  # 2 shapes x 3 dtypes
        assert {(c.shape, numpy.dtype(c.dtype).name) for c in classes} == {
            (s, d) for s in [(3, 2), ()]
            for d in ('float16', 'float32', 'float64')}
        for klass in classes:
            # F has no class named Exp, so there is no label test.
            assert not hasattr(klass, 'test_label')
            for name in ('test_forward_cpu', 'test_backward_cpu',
                         'test_double_backward_cpu'):
                result = unittest.TestResult()
                klass(name).run(result)
                assert result.wasSuccessful(), (name, result.failures,
                                                result.errors)
            assert [m.name for m in klass.test_forward_gpu.pytestmark] == [
                'gpu']
    finally:
        for klass in classes:
            delattr(sys.modules[__name__], klass.__name__)


def test_a_function_without_numpy_counterpart():
    def no_such_function(x):
        return x

    with pytest.raises(ValueError, match='NumPy has no functions'):
        testing.unary_math_function_unittest(no_such_function)


def test_wrong_reference_fails():
    class Base(unittest.TestCase):
        pass

    Base.__module__ = __name__
    bundle = testing.unary_math_function_unittest(
        F.exp, func_expected=lambda x, dtype: (x + 1).astype(dtype))(Base)
    classes = [case.klass for case in bundle.cases]
    try:
        result = unittest.TestResult()
        classes[0]('test_forward_cpu').run(result)
        assert len(result.failures) == 1
    finally:
        for klass in classes:
            delattr(sys.modules[__name__], klass.__name__)
