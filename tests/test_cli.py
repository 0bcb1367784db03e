"""Tests of ``python -m chainer_lite`` (chainer_lite/__main__.py)."""
import os
import pathlib
import subprocess
import sys
import textwrap

import pytest

import chainer_lite

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _cli(*args, stdin=None, cwd=None):
    return subprocess.run(
        [sys.executable, '-m', 'chainer_lite'] + [str(a) for a in args],
        input=stdin, cwd=str(cwd or ROOT), capture_output=True, text=True,
        timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))


def _script(tmp_path, source, name='script.py'):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def test_run_script_with_alias(tmp_path):
    script = _script(tmp_path, '''\
        import sys
        import chainer
        import chainer.functions as F
        import chainer_lite
        print(chainer is chainer_lite)
        print(F is sys.modules['chainer_lite.functions'])
        print(F is sys.modules['chainer.functions'])
        print(__name__)
        print(sys.argv)
        print(sys.path[0])
    ''')
    result = _cli('run', script, 'a', '--flag', '-c', cwd=ROOT.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        'True', 'True', 'True', '__main__',
        str([str(script), 'a', '--flag', '-c']), str(tmp_path)]


def test_run_script_imports_its_neighbours(tmp_path):
    _script(tmp_path, 'VALUE = 42\n', 'neighbour.py')
    script = _script(tmp_path, 'import neighbour\nprint(neighbour.VALUE)\n')
    result = _cli('run', script, cwd=ROOT.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == '42\n'


def test_run_script_exit_status_and_errors(tmp_path):
    exits = _script(tmp_path, 'import sys\nsys.exit(3)\n', 'exits.py')
    assert _cli('run', exits).returncode == 3
    fails = _script(tmp_path, 'raise ValueError("boom")\n', 'fails.py')
    result = _cli('run', fails)
    assert result.returncode == 1
    assert 'ValueError: boom' in result.stderr


def test_run_missing_script(tmp_path):
    result = _cli('run', tmp_path / 'missing.py')
    assert result.returncode != 0
    assert 'missing.py' in result.stderr


def test_code_option():
    result = _cli('-c', 'import sys, chainer, chainer_lite; '
                  'print(chainer is chainer_lite, sys.argv)', 'x', '-y')
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True ['-c', 'x', '-y']\n"


def test_console_reads_stdin():
    result = _cli(stdin=textwrap.dedent('''\
        import chainer, chainer_lite
        chainer is chainer_lite
        for i in range(2):
            print('line', i)

        1 / 0
        __name__
    '''))
    assert result.returncode == 0, result.stderr
    assert 'True' in result.stdout
    assert 'line 0\nline 1\n' in result.stdout
    assert "'__main__'" in result.stdout
    assert 'chainer_lite' in result.stderr  # the banner
    assert 'ZeroDivisionError' in result.stderr


def test_console_subcommand():
    result = _cli('console', stdin='import chainer\nprint(chainer.__name__)\n')
    assert result.returncode == 0, result.stderr
    assert 'chainer_lite\n' in result.stdout


def test_help():
    result = _cli('--help')
    assert result.returncode == 0
    for word in ('run', 'replay', 'info', 'console', '-c CODE'):
        assert word in result.stdout


def test_unknown_command():
    result = _cli('frobnicate')
    assert result.returncode == 2
    assert 'invalid choice' in result.stderr


@pytest.mark.skipif(not hasattr(chainer_lite, 'print_runtime_info'),
                    reason='chainer_lite.print_runtime_info is not there yet')
def test_info():
    result = _cli('info')
    assert result.returncode == 0, result.stderr
    assert 'Chainer' in result.stdout
    assert 'NumPy' in result.stdout


def test_replay_command(tmp_path):
    good = tmp_path / 'good.txt'
    good.write_text('>>> import chainer\n>>> chainer.config.train\nTrue\n')
    bad = tmp_path / 'bad.txt'
    bad.write_text('>>> 1 + 1\n3\n')
    result = _cli('replay', good)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == '{}: 2 statements, 2 matched, 0 differed\n'.format(
        good)
    result = _cli('replay', good, bad)
    assert result.returncode == 1
    assert result.stdout.endswith(
        '{}: 1 statements, 0 matched, 1 differed\n'.format(bad))
    assert '{}:1: differs\n    >>> 1 + 1\n'.format(bad) in result.stdout


def test_replay_needs_a_file():
    result = _cli('replay')
    assert result.returncode == 2
