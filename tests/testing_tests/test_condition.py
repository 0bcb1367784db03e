"""testing.condition: repeat, retry and repeat_with_success_at_least."""
import unittest

import pytest

from chainer_lite.testing import condition


class _Counter(unittest.TestCase):
    # Test methods to decorate; the counters are reset by each test.
    calls = 0
    setups = 0

    def setUp(self):
        _Counter.setups += 1

    def success(self):
        _Counter.calls += 1

    def failure(self):
        _Counter.calls += 1
        self.fail('always fails')

    def error(self):
        _Counter.calls += 1
        raise ValueError('broken')

    def every_other(self):
        _Counter.calls += 1
        if _Counter.calls % 2:
            self.fail('odd call')

    def skip(self):
        _Counter.calls += 1
        self.skipTest('the reason')

    def pytest_skip(self):
        _Counter.calls += 1
        pytest.skip('the reason')

    def runTest(self):
        pass


@pytest.fixture(autouse=True)
def reset_counter():
    _Counter.calls = 0
    _Counter.setups = 0


def _run(decorator, method):
    decorator(method)(_Counter())


def test_repeat_runs_every_trial_on_success():
    _run(condition.repeat(5), _Counter.success)
    assert _Counter.calls == 5
    assert _Counter.setups == 5  # a fresh set-up per trial


def test_repeat_stops_at_the_first_failure():
    with pytest.raises(AssertionError) as e:
        _run(condition.repeat(5), _Counter.failure)
    assert _Counter.calls == 1
    assert 'Fail: 1, Success: 0' in str(e.value)
    assert 'The first error message:' in str(e.value)
    assert 'always fails' in str(e.value)


def test_retry_stops_at_the_first_success():
    _run(condition.retry(5), _Counter.every_other)
    assert _Counter.calls == 2


def test_retry_fails_when_every_trial_fails():
    with pytest.raises(AssertionError, match='first error message'):
        _run(condition.retry(4), _Counter.error)
    assert _Counter.calls == 4


def test_repeat_with_success_at_least():
    _run(condition.repeat_with_success_at_least(10, 5), _Counter.every_other)
    assert _Counter.calls == 10
    with pytest.raises(AssertionError):
        _run(condition.repeat_with_success_at_least(10, 6),
             _Counter.every_other)
    with pytest.raises(AssertionError):
        condition.repeat_with_success_at_least(3, 4)


@pytest.mark.parametrize('method', [_Counter.skip, _Counter.pytest_skip])
def test_a_skipped_trial_skips_the_test(method):
    with pytest.raises(unittest.SkipTest, match='the reason'):
        _run(condition.retry(5), method)
    assert _Counter.calls == 1
