"""Fixing the random number generators of NumPy (and CuPy) during a test."""
import functools
import os
import random
import types

import numpy

from chainer_lite.backends import cuda
from chainer_lite.testing import _bundle


_SEED = 100
_saved_states = None
# setUp/tearDown pairs nest when condition.repeat/retry run a fixed test; only
# the outermost pair seeds and restores the generators.
_nest_count = 0


def _cupy_random():
    cupy = cuda.cupy  # imports CuPy on first use when it is installed
    return cupy.random if cuda.available else None


def do_setup(deterministic=True):
    """Saves the generator states and seeds them (fixed if deterministic)."""
    global _saved_states
    cupy_random = _cupy_random()
    _saved_states = (random.getstate(), numpy.random.get_state())
    seed = _SEED if deterministic else None
    numpy.random.seed(seed)
    random.seed(seed)
    if cupy_random is not None:
        cupy_random.seed(seed)


def do_teardown():
    """Restores the generator states saved by :func:`do_setup`."""
    global _saved_states
    python_state, numpy_state = _saved_states
    random.setstate(python_state)
    numpy.random.set_state(numpy_state)
    cupy_random = _cupy_random()
    if cupy_random is not None:
        cupy_random.reset_states()
    _saved_states = None


def _setup_random():
    global _nest_count
    if _nest_count == 0:
        nondeterministic = bool(int(os.environ.get(
            'CHAINER_TEST_RANDOM_NONDETERMINISTIC', '0')))
        do_setup(not nondeterministic)
    _nest_count += 1


def _teardown_random():
    global _nest_count
    assert _nest_count > 0, '_setup_random has not been called'
    _nest_count -= 1
    if _nest_count == 0:
        do_teardown()


def generate_seed():
    """Draws a seed from the fixed NumPy generator (inside a fixed test)."""
    assert _nest_count > 0, 'random is not set up'
    return numpy.random.randint(0xffffffff)


def _wrap_test_method(method):
    @functools.wraps(method)
    def test(self, *args, **kwargs):
        _setup_random()
        try:
            method(self, *args, **kwargs)
        finally:
            _teardown_random()
    return test


def _wrap_setup_teardown(klass, setup_name, teardown_name):
    setup = getattr(klass, setup_name)
    teardown = getattr(klass, teardown_name)

    @functools.wraps(setup)
    def new_setup(self):
        _setup_random()
        setup(self)

    @functools.wraps(teardown)
    def new_teardown(self):
        try:
            teardown(self)
        finally:
            _teardown_random()

    setattr(klass, setup_name, new_setup)
    setattr(klass, teardown_name, new_teardown)


def fix_random(*, setup_method='setUp', teardown_method='tearDown'):
    """Decorator that makes the random numbers of a test reproducible.

    Applied to a test method, the generators are seeded before the method
    and restored after it. Applied to a test class (or to the result of
    :func:`~chainer.testing.parameterize`), they are seeded in ``setUp``
    and restored in ``tearDown``. Do not apply it inside
    ``condition.repeat`` or ``condition.retry``: every trial would draw the
    same numbers.

    Args:
        setup_method (str): Name of the set-up method of the class.
        teardown_method (str): Name of the tear-down method of the class.
    """

    def decorator(target):
        if (isinstance(target, types.FunctionType)
                and target.__name__.startswith('test_')):
            return _wrap_test_method(target)
        if isinstance(target, _bundle._ParameterizedTestCaseBundle):
            bundle = target
        else:
            bundle = _bundle._ParameterizedTestCaseBundle(
                [_bundle._TestCaseTuple(target, None, None)])
        for klass, _, _ in bundle.cases:
            _wrap_setup_teardown(klass, setup_method, teardown_method)
        return bundle

    return decorator
