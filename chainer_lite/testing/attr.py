"""Test attributes (pytest marks) with Chainer's names: ``gpu``, ``cudnn``, ...

The marks let a test run select or deselect tests, e.g. ``-m "not gpu"``.
"""
import os
import unittest

try:
    import pytest
    _error = None
except ImportError as e:  # pytest is only needed to run tests
    _error = e


def is_available():
    """Returns ``True`` when pytest (needed for the marks) can be imported."""
    return _error is None


def check_available():
    """Raises :class:`RuntimeError` when pytest cannot be imported."""
    if _error is not None:
        raise RuntimeError(
            '{} is not available.\n\nReason: {}: {}'.format(
                __name__, type(_error).__name__, _error))


def get_error():
    """Returns the exception raised while importing pytest, or ``None``."""
    return _error


# A limit on the number of GPUs tests may use; a negative value means none.
_gpu_limit = int(os.environ.get('CHAINER_TEST_GPU_LIMIT', -1))


def _mark(name):
    def decorator(*args, **kwargs):
        check_available()
        return getattr(pytest.mark, name)(*args, **kwargs)
    decorator.__name__ = name
    decorator.__doc__ = 'Marks a test with the ``{}`` pytest mark.'.format(
        name)
    return decorator


chainerx = _mark('chainerx')
cudnn = _mark('cudnn')
ideep = _mark('ideep')
slow = _mark('slow')


def multi_gpu(gpu_num):
    """Decorator to declare that a test needs ``gpu_num`` GPUs.

    The test gets the ``gpu`` mark. When the environment variable
    ``CHAINER_TEST_GPU_LIMIT`` is set to a non-negative number smaller than
    ``gpu_num``, the test is skipped as well.

    Args:
        gpu_num (int): Number of GPUs the test needs.

    Returns:
        callable: A decorator for test functions and classes.
    """
    check_available()
    needs_more = 0 <= _gpu_limit < gpu_num

    def decorator(f):
        marked = pytest.mark.gpu(f)
        return unittest.skipIf(
            needs_more, reason='{} GPUs required'.format(gpu_num))(marked)

    return decorator


def gpu(f):
    """Decorator to declare that a test needs one GPU (``gpu`` mark)."""
    return multi_gpu(1)(f)
