"""Decorators that run a flaky test several times: ``repeat`` and ``retry``."""
import functools
import unittest

try:
    from _pytest.outcomes import Skipped as _PytestSkipped
except ImportError:  # pytest is optional; without it only SkipTest skips
    class _PytestSkipped(Exception):
        pass


class QuietTestRunner(object):
    """Runs a test suite and returns its result without printing anything."""

    def run(self, suite):
        result = unittest.TestResult()
        suite(result)
        return result


def _run_trial(instance, f, args, kwargs):
    # A fresh instance per trial, so setUp/tearDown run once per trial and
    # no state leaks from one trial into the next.
    trial = type(instance)(instance._testMethodName)

    def body():
        try:
            f(trial, *args[1:], **kwargs)
        except _PytestSkipped as e:
            trial.skipTest(e.msg)

    suite = unittest.TestSuite()
    suite.addTest(unittest.FunctionTestCase(
        body, setUp=trial.setUp, tearDown=trial.tearDown))
    return QuietTestRunner().run(suite)


def repeat_with_success_at_least(times, min_success):
    """Decorator that runs a test up to ``times`` times.

    The test passes as soon as ``min_success`` trials have succeeded, and
    fails as soon as that has become impossible. A trial that is skipped
    skips the whole test with the same reason. On failure the message shows
    the counts and the error of the first failed trial.

    Args:
        times (int): The maximum number of trials.
        min_success (int): The number of successful trials needed.

    Returns:
        callable: A decorator for ``unittest.TestCase`` test methods.
    """
    assert times >= min_success

    def decorator(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            assert len(args) > 0
            instance = args[0]
            assert isinstance(instance, unittest.TestCase)
            successes = 0
            failures = 0
            failed_results = []

            def fail():
                msg = '\nFail: {0}, Success: {1}'.format(failures, successes)
                if failed_results:
                    first = failed_results[0]
                    details = [err for _, err in first.failures + first.errors]
                    if details:
                        msg += '\n\nThe first error message:\n' + '\n'.join(
                            details)
                instance.fail(msg)

            for _ in range(times):
                if successes >= min_success:
                    break
                result = _run_trial(instance, f, args, kwargs)
                if result.skipped:
                    instance.skipTest(result.skipped[0][1])
                if result.wasSuccessful():
                    successes += 1
                else:
                    failures += 1
                    failed_results.append(result)
                    if failures > times - min_success:
                        break
            if successes < min_success:
                fail()

        return wrapper

    return decorator


def repeat(times):
    """Decorator that requires a test to succeed ``times`` times in a row.

    Args:
        times (int): The number of trials.
    """
    return repeat_with_success_at_least(times, times)


def retry(times):
    """Decorator that requires a test to succeed at least once.

    Args:
        times (int): The maximum number of trials.
    """
    return repeat_with_success_at_least(times, 1)
