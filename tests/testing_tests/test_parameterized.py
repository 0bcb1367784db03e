"""testing.parameterize, product, product_dict: generated classes."""
import itertools
import sys
import unittest

import pytest

from chainer_lite import testing
from chainer_lite.testing import _bundle
from chainer_lite.testing import parameterized


def test_product_of_a_dict():
    assert testing.product({'a': [1, 2], 'b': [3, 4, 5]}) == [
        {'a': 1, 'b': 3}, {'a': 1, 'b': 4}, {'a': 1, 'b': 5},
        {'a': 2, 'b': 3}, {'a': 2, 'b': 4}, {'a': 2, 'b': 5}]
    assert testing.product({'a': [1, 2], 'b': []}) == []
    assert testing.product({}) == [{}]


def test_product_with_comma_separated_names():
    assert testing.product({'a,b': [(1, 2), (3, 4)], 'c': [5]}) == [
        {'a': 1, 'b': 2, 'c': 5}, {'a': 3, 'b': 4, 'c': 5}]


def test_product_of_lists_of_dicts():
    assert testing.product([[{'a': 1}, {'a': 2}], [{'c': 5}]]) == [
        {'a': 1, 'c': 5}, {'a': 2, 'c': 5}]
    assert testing.product_dict() == [{}]
    with pytest.raises(TypeError):
        testing.product([{'a': 1}])
    with pytest.raises(TypeError):
        testing.product((1, 2))


def test_from_pytest_parameterize():
    assert testing.from_pytest_parameterize('a,b', [(1, 2), (3, 4)]) == [
        {'a': 1, 'b': 2}, {'a': 3, 'b': 4}]
    assert testing.from_pytest_parameterize('a', [1, 2]) == [
        {'a': 1}, {'a': 2}]


def _decorate_in_this_module(decorator, klass):
    # Generated classes are registered in the module of the decorated class.
    klass.__module__ = __name__
    bundle = decorator(klass)
    return [case.klass for case in bundle.cases]


def test_parameterize_generates_named_subclasses():
    class Base(unittest.TestCase):
        def test_value(self):
            assert self.value in (1, 'x')

    classes = _decorate_in_this_module(
        testing.parameterize({'value': 1}, {'value': 'x', 'other': None}),
        Base)
    try:
        assert [c.__name__ for c in classes] == [
            'Base_param_0_{value=1}',
            "Base_param_1_{other=None, value='x'}"]
        for c in classes:
            assert issubclass(c, Base)
            assert getattr(sys.modules[__name__], c.__name__) is c
            result = unittest.TestResult()
            c('test_value').run(result)
            assert result.wasSuccessful()
        assert 'parameter: {' in str(classes[0]('test_value'))
    finally:
        for c in classes:
            delattr(sys.modules[__name__], c.__name__)


def test_stacked_parameterize_forms_all_combinations():
    class Base(unittest.TestCase):
        def test_pair(self):
            pass

    inner = testing.parameterize({'b': 3}, {'b': 4})
    outer = testing.parameterize({'a': 1}, {'a': 2})
    Base.__module__ = __name__
    classes = [c.klass for c in outer(inner(Base)).cases]
    module = sys.modules[__name__]
    try:
        pairs = {(c.a, c.b) for c in classes}
        assert pairs == set(itertools.product((1, 2), (3, 4)))
        # The intermediate classes were removed from the module.
        assert not hasattr(module, 'Base_param_0_{b=3}')
    finally:
        for c in classes:
            delattr(module, c.__name__)


def test_function_parameters_are_not_bound_as_methods():
    def double(x):
        return 2 * x

    class Base(unittest.TestCase):
        pass

    klass, = _decorate_in_this_module(
        testing.parameterize({'f': double}), Base)
    try:
        assert klass('run').f(3) == 6
    finally:
        delattr(sys.modules[__name__], klass.__name__)


class _NeedsTwoArguments(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)


def test_failures_report_the_parameters():
    class Base(unittest.TestCase):
        def test_value_error(self):
            raise ValueError('bad value')

        def test_odd_exception(self):
            raise _NeedsTwoArguments(1, 2)

        def test_skip(self):
            self.skipTest('skipped')

    klass, = _decorate_in_this_module(
        testing.parameterize({'p': 42}), Base)
    try:
        case = klass('test_value_error')
        with pytest.raises(ValueError) as e:
            case.test_value_error()
        message = str(e.value)
        assert message.startswith('Parameterized test failed.\n\n'
                                  'Base test method: Base.test_value_error\n'
                                  'Test parameters:\n  p: 42\n')
        assert '(caused by)\nValueError: bad value' in message
        # An exception class that cannot carry a message keeps its type.
        with pytest.raises(_NeedsTwoArguments) as e:
            case.test_odd_exception()
        assert any('p: 42' in note for note in e.value.__notes__)
        with pytest.raises(unittest.SkipTest):
            case.test_skip()
    finally:
        delattr(sys.modules[__name__], klass.__name__)


def test_long_parameter_values_are_shortened_in_names():
    name = parameterized._make_class_name('T', 0, {'x': 'a' * 300})
    assert len(name) < 150 and '...' in name


def test_pairwise_product_covers_every_pair():
    factors = [[{'a': i} for i in range(3)], [{'b': i} for i in range(4)],
               [{'c': i} for i in range(2)], [{'d': i} for i in range(3)]]
    result = parameterized._pairwise_product_dict(*factors)
    assert len(result) < 3 * 4 * 2 * 3
    for k1, k2 in itertools.combinations('abcd', 2):
        seen = {(r[k1], r[k2]) for r in result}
        n1 = len(factors['abcd'.index(k1)])
        n2 = len(factors['abcd'.index(k2)])
        assert seen == set(itertools.product(range(n1), range(n2)))
    assert parameterized._pairwise_product_dict(*factors[:2]) == \
        testing.product_dict(*factors[:2])


def test_bundle_of_a_bare_class():
    class Bare(unittest.TestCase):
        pass
    bundle = testing.fix_random()(Bare)
    assert isinstance(bundle, _bundle._ParameterizedTestCaseBundle)
    assert bundle.cases[0].klass is Bare
