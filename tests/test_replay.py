"""Tests of the transcript replay and its output checker."""
import io
import os
import pathlib
import subprocess
import sys
import textwrap

import hypothesis
from hypothesis import strategies as st
import hypothesis.extra.numpy as hnp
import numpy
import pytest

from chainer_lite import _alias
from chainer_lite import _replay

ROOT = pathlib.Path(__file__).resolve().parents[1]
SESSIONS = sorted((ROOT / 'docs' / 'sessions').glob('*.txt'))

_settings = hypothesis.settings(max_examples=20, deadline=None)


# ---- outputs_match --------------------------------------------------------

@pytest.mark.parametrize('want, got', [
    ('array([ 16.])\n', 'array([16.])\n'),
    ('array([ 1.,  2.])\n', 'array([1., 2.])\n'),
    ('[ 1.  2.]\n', '[1. 2.]\n'),
    ('array([[ 1.,  2.],\n       [ 3.,  4.]])\n',
     'array([[1., 2.], [3., 4.]])\n'),
    ('variable([ 3.,  8., 15.])\n', 'variable([3., 8., 15.])\n'),
    ('8.0\n', 'np.float64(8.0)\n'),
    ('0.3\n', '0.30000000000000004\n'),
    ('True\n', 'np.True_\n'),
    ('array([ 0.1,  0.2], dtype=float32)\n',
     'array([0.10000001, 0.2], dtype=float32)\n'),
    ('array([ 0.1], dtype=float16)\n', 'array([0.1001], dtype=float16)\n'),
    ('array([-0.])\n', 'array([0.])\n'),
    ('array([ nan,  inf, -inf])\n', 'array([nan, inf, -inf])\n'),
    ("<class 'chainer.variable.Variable'>\n",
     "<class 'chainer_lite.variable.Variable'>\n"),
    ('<Foo object at 0x7f3a2b1c>\n', '<Foo object at 0x55d0e1>\n'),
    ('a b  \nc\n', 'a b\nc\n'),
    ('', ''),
])
def test_outputs_that_match(want, got):
    assert _replay.outputs_match(want, got)


@pytest.mark.parametrize('want, got', [
    ('array([16.])\n', 'array([15.])\n'),
    ('array([1])\n', 'array([1.])\n'),
    ('(2, 3)\n', '(3, 2)\n'),
    ('array([1., 2.])\n', 'array([1., 2., 3.])\n'),
    ('0.3\n', '0.3001\n'),
    # float32 tolerance only where float32 is visible.
    ('array([0.1], dtype=float32)\n', 'array([0.1001], dtype=float32)\n'),
    ('array([nan])\n', 'array([0.])\n'),
    ('inf\n', '-inf\n'),
    ('a b\n', 'a  b\n'),
    ('x\n', 'x\n\n'),
    ('', '\n'),
    ('float32\n', 'float64\n'),
    ("<class 'numpy.float64'>\n", "<class 'numpy.float16'>\n"),
])
def test_outputs_that_differ(want, got):
    assert not _replay.outputs_match(want, got)


_finite = dict(allow_nan=False, allow_infinity=False)


@_settings
@hypothesis.given(hnp.arrays(numpy.float64, hnp.array_shapes(max_dims=3),
                             elements=st.floats(-1e6, 1e6, **_finite)))
def test_old_and_new_numpy_reprs_match(x):
    with numpy.printoptions(legacy='1.13'):
        old_repr, old_str = repr(x), str(x)
    with numpy.printoptions(legacy='1.25'):
        new_repr, new_str = repr(x), str(x)
    assert _replay.outputs_match(old_repr + '\n', new_repr + '\n')
    assert _replay.outputs_match(old_str + '\n', new_str + '\n')


@_settings
@hypothesis.given(
    st.sampled_from([(numpy.float16, 1e-3), (numpy.float32, 1e-6),
                     (numpy.float64, 1e-7)]),
    st.floats(1.0, 1e3), st.booleans(), st.floats(0.0, 0.9))
def test_float_tolerance_by_dtype(dtype_rtol, value, negative, fraction):
    dtype, rtol = dtype_rtol
    value = -value if negative else value
    suffix = '' if dtype is numpy.float64 else ', dtype={}'.format(
        numpy.dtype(dtype).name)

    def text(v):
        return 'array([{!r}]{})\n'.format(v, suffix)

    close = value * (1 + fraction * rtol)
    far = value * (1 + 3 * rtol)
    assert _replay.outputs_match(text(value), text(close))
    assert not _replay.outputs_match(text(value), text(far))


@_settings
@hypothesis.given(st.integers(-10**6, 10**6), st.integers(-10**6, 10**6))
def test_integers_must_be_equal(a, b):
    assert _replay.outputs_match('({}, 2)\n'.format(a),
                                 '({}, 2)\n'.format(b)) == (a == b)


@_settings
@hypothesis.given(st.floats(-1e10, 1e10, **_finite))
def test_numpy2_scalar_reprs_read_as_the_value(v):
    for dtype in (numpy.float16, numpy.float32, numpy.float64):
        with numpy.errstate(over='ignore'):
            scalar = dtype(v)
        with numpy.printoptions(legacy='1.25'):
            old = repr(scalar) + '\n'
        new = repr(scalar) + '\n'
        assert _replay.outputs_match(old, new)


# ---- exceptions_match -----------------------------------------------------

SEED_MESSAGE = ("TypeError: numpy.ndarray or cuda.ndarray are expected.\n"
                "Actual: <class 'float'>\n")


@pytest.mark.parametrize('want, got', [
    (SEED_MESSAGE, SEED_MESSAGE),
    (SEED_MESSAGE, "TypeError: numpy.ndarray or cuda.ndarray are expected."
                   "  Actual: <class 'float'>\n"),
    ('InvalidType: x\n', 'chainer_lite.utils.type_check.InvalidType: x\n'),
    ('chainer.utils.type_check.InvalidType: \nExpect: a\nActual: b\n',
     'chainer_lite.utils.type_check.InvalidType: \nExpect: a\nActual: b\n'),
    ('StopIteration\n', 'StopIteration\n'),
])
def test_exceptions_that_match(want, got):
    assert _replay.exceptions_match(want, got)


@pytest.mark.parametrize('want, got', [
    (SEED_MESSAGE, "ValueError: numpy.ndarray or cuda.ndarray are expected.\n"
                   "Actual: <class 'float'>\n"),
    (SEED_MESSAGE, "TypeError: numpy.ndarray or cuda.ndarray are expected.\n"
                   "Actual: <class 'int'>\n"),
    (SEED_MESSAGE, "TypeError: numpy.ndarray or cuda.ndarray are expected.\n"),
    ('chainer.utils.type_check.InvalidType: x\n',
     'chainer_lite.other.InvalidType: x\n'),
    ('StopIteration\n', 'StopIteration: 3\n'),
])
def test_exceptions_that_differ(want, got):
    assert not _replay.exceptions_match(want, got)


# ---- replaying files ------------------------------------------------------

def _write(tmp_path, text, name='session.txt'):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding='utf-8')
    return path


MATCHING = '''\
    # header comment: ignored
    # another one

    >>> import numpy as np
    >>> x = np.array([5.0])
    >>> x * 2
    array([ 10.])
    >>>
    >>> for v in x:
    ...     print(v)
    ...
    5.0
    >>> np.float16(8.0)
    8.0
    >>> type(x[0])
    <class 'numpy.float64'>

    prose between statements is ignored
    >>> int('a')
    Traceback (most recent call last):
      File "<stdin>", line 1, in <module>
    ValueError: invalid literal for int() with base 10: 'a'
    >>> raise TypeError('two\\nlines')
    Traceback (most recent call last):
      ...
    TypeError: two
    lines
'''


def test_replay_matching_file(tmp_path):
    path = _write(tmp_path, MATCHING)
    out = io.StringIO()
    result = _replay.replay_file(path, out)
    assert out.getvalue() == ''
    assert (result.statements, result.matched, result.differed) == (8, 8, 0)
    assert result.ok
    assert result.summary() == '{}: 8 statements, 8 matched, 0 differed'.format(
        path)


MISMATCHING = '''\
    >>> x = 1
    >>> x + 1
    3
    >>> x
    1
    >>> x.nope
    >>> x = 2
    Traceback (most recent call last):
      ...
    ValueError: never raised
    >>> int('b')
    Traceback (most recent call last):
      ...
    TypeError: wrong type
'''


def test_replay_mismatching_file(tmp_path):
    path = _write(tmp_path, MISMATCHING)
    out = io.StringIO()
    result = _replay.replay_file(path, out)
    report = out.getvalue()
    assert (result.statements, result.matched, result.differed) == (6, 2, 4)
    assert not result.ok
    assert '{}:2: differs\n    >>> x + 1\n  expected:\n    3\n  got:\n    2\n'\
        .format(path) in report
    assert '{}:6: differs\n    >>> x.nope\n'.format(path) in report
    assert "AttributeError: 'int' object has no attribute 'nope'" in report
    assert '{}:7: differs'.format(path) in report
    assert '{}:11: differs'.format(path) in report
    assert "ValueError: invalid literal for int() with base 10: 'b'" in report
    # doctest's own frame is not shown.
    assert 'doctest.py' not in report
    assert '{}:4:'.format(path) not in report


def test_main_exit_status_and_summaries(tmp_path):
    good = _write(tmp_path, MATCHING, 'good.txt')
    bad = _write(tmp_path, MISMATCHING, 'bad.txt')
    out = io.StringIO()
    assert _replay.main([str(good)], out) == 0
    assert out.getvalue().endswith('8 statements, 8 matched, 0 differed\n')
    out = io.StringIO()
    assert _replay.main([str(good), str(bad)], out) == 1
    lines = out.getvalue().splitlines()
    assert lines[-2] == '{}: 8 statements, 8 matched, 0 differed'.format(good)
    assert lines[-1] == '{}: 6 statements, 2 matched, 4 differed'.format(bad)


def test_unreadable_file_fails(tmp_path):
    out = io.StringIO()
    missing = tmp_path / 'missing.txt'
    assert _replay.main([str(missing)], out) == 1
    assert out.getvalue().startswith('{}: not replayed: '.format(missing))


def test_files_run_in_fresh_namespaces(tmp_path):
    first = _write(tmp_path, '>>> x = 1\n', 'first.txt')
    second = _write(tmp_path, '>>> x\n1\n', 'second.txt')
    out = io.StringIO()
    assert _replay.main([str(first), str(second)], out) == 1
    assert "NameError: name 'x' is not defined" in out.getvalue()


def test_replay_restores_print_options_and_alias(tmp_path):
    path = _write(tmp_path, '''\
        >>> import chainer, chainer_lite
        >>> chainer is chainer_lite
        True
    ''')
    options = numpy.get_printoptions()
    was_installed = _alias.is_installed()
    assert _replay.replay_file(path, io.StringIO()).ok
    assert numpy.get_printoptions() == options
    assert _alias.is_installed() == was_installed


def _replay_cli(*paths):
    return subprocess.run(
        [sys.executable, '-m', 'chainer_lite', 'replay'] +
        [str(p) for p in paths],
        cwd=str(ROOT), capture_output=True, text=True, timeout=300,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))


@pytest.mark.parametrize('path', SESSIONS, ids=[p.name for p in SESSIONS])
def test_session_transcript_replays(path):
    result = _replay_cli(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip('\n').endswith(' 0 differed')


def test_sessions_exist():
    names = [p.name for p in SESSIONS]
    assert 'timlabs_chainer1_differentiation.txt' in names
    assert len(names) >= 3
