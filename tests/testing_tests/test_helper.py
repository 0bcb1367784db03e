"""testing.with_requires / without_requires, assert_warns and patch."""
import unittest
import warnings

import numpy
import pytest

from chainer_lite import testing
from chainer_lite.testing import helper


def _skipped(decorator):
    class Case(unittest.TestCase):
        @decorator
        def test(self):
            pass
    result = unittest.TestResult()
    Case('test').run(result)
    return [reason for _, reason in result.skipped]


def test_with_requires():
    assert _skipped(testing.with_requires('numpy>=1.10')) == []
    assert _skipped(testing.with_requires('numpy<1.14')) == [
        'requires: numpy<1.14']
    assert _skipped(testing.with_requires('numpy', 'no-such-package')) == [
        'requires: numpy,no-such-package']


def test_without_requires():
    assert _skipped(testing.without_requires('no-such-package')) == []
    assert _skipped(testing.without_requires('numpy>=1.10')) == [
        'requires: numpy>=1.10']


@pytest.mark.parametrize('version, spec, expected', [
    ('1.16.0', '>=1.16', True),
    ('1.16.0', '>1.16', False),
    ('1.16.0', '==1.16', True),
    ('1.11.3', '!=1.11.*', False),
    ('1.12.0', '!=1.11.*', True),
    ('2.0.0rc1', '>=2.0', False),
    ('2.0.0rc1', '<2.0', True),
    ('1.4.2', '~=1.4.1', True),
    ('1.5.0', '~=1.4.1', False),
    ('1.0.3', '<=1.0.3', True),
])
def test_version_clauses(version, spec, expected):
    op = spec.rstrip('0123456789.*')
    assert helper._clause_holds(version, op, spec[len(op):]) is expected


def test_requirement_with_several_clauses():
    major = int(numpy.__version__.split('.')[0])
    assert helper._is_satisfied('numpy>={},<{}'.format(major, major + 1))
    assert not helper._is_satisfied('numpy>={}'.format(major + 1))


def test_assert_warns():
    with testing.assert_warns(DeprecationWarning):
        warnings.warn('old', DeprecationWarning)
    with pytest.raises(AssertionError, match='UserWarning not triggerred'):
        with testing.assert_warns(UserWarning):
            pass


def test_patch_wraps_the_original():
    with testing.patch('numpy.linalg.norm') as mock:
        assert numpy.linalg.norm(numpy.array([3.0, 4.0])) == 5.0
    assert mock.call_count == 1
    with testing.patch('numpy.linalg.norm', wraps=lambda x: 7):
        assert numpy.linalg.norm(numpy.zeros(2)) == 7
