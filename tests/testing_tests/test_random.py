"""testing.fix_random and generate_seed."""
import unittest

import numpy
import pytest

from chainer_lite import testing
from chainer_lite.testing import random as testing_random


def test_fix_random_on_a_method_is_reproducible_and_restores_state():
    draws = []

    class Case(unittest.TestCase):
        @testing.fix_random()
        def test_draw(self):
            draws.append(numpy.random.uniform(size=3))
            draws.append(testing.generate_seed())

    numpy.random.seed(1)
    expected_next = numpy.random.uniform()
    numpy.random.seed(1)
    for _ in range(2):
        result = unittest.TestResult()
        Case('test_draw').run(result)
        assert result.wasSuccessful()
    numpy.testing.assert_array_equal(draws[0], draws[2])
    assert draws[1] == draws[3]
    # The state outside the test is left as it was.
    assert numpy.random.uniform() == expected_next


def test_fix_random_on_a_class_wraps_setup_and_teardown():
    draws = []

    class Case(unittest.TestCase):
        def setUp(self):
            draws.append(numpy.random.uniform())

        def test_a(self):
            draws.append(numpy.random.uniform())

    testing.fix_random()(Case)
    for _ in range(2):
        Case('test_a').run(unittest.TestResult())
    assert draws[:2] == draws[2:]
    assert testing_random._nest_count == 0


def test_generate_seed_outside_a_fixed_test():
    with pytest.raises(AssertionError, match='random is not set up'):
        testing.generate_seed()
