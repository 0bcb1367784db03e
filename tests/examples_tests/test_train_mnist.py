"""End-to-end runs of examples/mnist/train_mnist.py in subprocesses."""
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from chainer_lite import serializers


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, 'examples', 'mnist', 'train_mnist.py')


def _env():
    env = dict(os.environ, PYTHONPATH=ROOT, MPLBACKEND='Agg')
    return env


def _train(out, *args, timeout=300):
    cmd = [sys.executable, '-m', 'chainer_lite', 'run', SCRIPT,
           '--out', str(out)] + list(args)
    proc = subprocess.run(cmd, cwd=ROOT, env=_env(), timeout=timeout,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _log(out):
    with open(os.path.join(str(out), 'log')) as f:
        entries = json.load(f)
    for entry in entries:
        del entry['elapsed_time']
    return entries


def test_trains_digits(tmp_path):
    stdout = _train(tmp_path, '--epoch', '6')
    log = _log(tmp_path)
    assert [e['epoch'] for e in log] == [1, 2, 3, 4, 5, 6]
    assert log[-1]['validation/main/accuracy'] > 0.93
    assert log[-1]['main/loss'] < log[0]['main/loss']
    # PrintReport's table and the progress bar went to stdout.
    assert 'epoch       main/loss   validation/main/loss' in stdout
    assert 'iters/sec. Estimated time to finish' in stdout
    files = set(os.listdir(str(tmp_path)))
    assert files == {'log', 'loss.png', 'accuracy.png', 'snapshot_iter_270'}


def test_runs_directly_and_noplot(tmp_path):
    proc = subprocess.run(
        [sys.executable, SCRIPT, '--epoch', '1', '--out', str(tmp_path),
         '--noplot', '--noprogress'],
        cwd=str(tmp_path), env=_env(), timeout=300,
        stdout=subprocess.PIPE, universal_newlines=True)
    assert proc.returncode == 0
    assert set(os.listdir(str(tmp_path))) == {'log', 'snapshot_iter_45'}


def test_resume_matches_uninterrupted_run(tmp_path):
    straight, split = tmp_path / 'straight', tmp_path / 'split'
    _train(straight, '--epoch', '4', '--noplot', '--noprogress')
    _train(split, '--epoch', '2', '--noplot', '--noprogress')
    _train(split, '--epoch', '4', '--noplot', '--noprogress',
           '--resume', str(split / 'snapshot_iter_90'))
    assert _log(split) == _log(straight)

    # --autoload finds the newest snapshot by itself.
    _train(split, '--epoch', '5', '--noplot', '--noprogress', '--autoload')
    _train(straight, '--epoch', '5', '--noplot', '--noprogress',
           '--resume', str(straight / 'snapshot_iter_180'))
    assert len(_log(split)) == 5
    assert _log(split) == _log(straight)


_SLOW_SNAPSHOT = textwrap.dedent('''
    import runpy, sys, time
    from chainer_lite.serializers import npz

    save_npz = npz.save_npz
    calls = []

    def hanging_second_save(file, obj, compression=True):
        # The second snapshot hangs half written until the test kills us.
        calls.append(file)
        if len(calls) == 2:
            with open(file, 'wb') as f:
                f.write(b'PK\\x03\\x04 half a snapshot')
                f.flush()
            print('SNAPSHOT-WRITING', flush=True)
            time.sleep(120)
        save_npz(file, obj, compression)

    npz.save_npz = hanging_second_save
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name='__main__')
''')


def test_killed_while_snapshotting(tmp_path):
    out = tmp_path / 'killed'
    cmd = [sys.executable, '-c', _SLOW_SNAPSHOT, SCRIPT, '--out', str(out),
           '--epoch', '3', '--frequency', '1', '--noplot', '--noprogress']
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(),
                            stdout=subprocess.PIPE, universal_newlines=True)
    try:
        for line in proc.stdout:
            if line.strip() == 'SNAPSHOT-WRITING':
                break
        else:
            pytest.fail('the snapshot never started')
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    # The first snapshot survived intact; the half-written second one never
    # took a snapshot's name.
    snapshots = sorted(f for f in os.listdir(str(out))
                       if f.startswith('snapshot'))
    assert snapshots == ['snapshot_iter_45']
    with open(str(out / 'snapshot_iter_45'), 'rb') as f:
        assert f.read(4) == b'PK\x03\x04'
    serializers.load_npz(str(out / 'snapshot_iter_45'), _AnyTarget())

    # Autoload resumes from it and ends like an uninterrupted run.
    _train(out, '--epoch', '3', '--noplot', '--noprogress', '--autoload')
    straight = tmp_path / 'straight'
    _train(straight, '--epoch', '3', '--noplot', '--noprogress')
    assert _log(out) == _log(straight)


class _AnyTarget(object):
    """Reads every key of a snapshot: it must be a complete NPZ file."""

    def serialize(self, serializer):
        npz = serializer.npz
        for key in npz.files:
            npz[key]
