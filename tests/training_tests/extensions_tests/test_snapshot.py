import os
import signal
import subprocess
import sys
import textwrap
import time

import numpy
import pytest

from chainer_lite import serializers
from chainer_lite import testing
from chainer_lite import training
from chainer_lite.training import extensions
from chainer_lite.training.extensions import _snapshot
from training_tests import _util


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__)))))


def _mock_trainer(out, n=10):
    trainer = testing.get_trainer_with_mock_updater((n, 'iteration'))
    trainer.out = str(out)
    return trainer


def test_defaults():
    ext = extensions.snapshot()
    assert ext.trigger == (1, 'epoch')
    assert ext.priority == -100
    assert ext.filename == 'snapshot_iter_{.updater.iteration}'
    with pytest.raises(TypeError, match='cannot be specified together'):
        extensions.snapshot(savefun=serializers.save_npz,
                            writer=extensions.snapshot_writers.SimpleWriter())
    with pytest.raises(TypeError):
        extensions.snapshot(foo=1)


def test_trainer_snapshot_resumes(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(2, 'epoch'))
    trainer.extend(extensions.snapshot())
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == \
        ['snapshot_iter_4', 'snapshot_iter_8']

    resumed = _util.make_trainer(str(tmp_path), stop=(3, 'epoch'), seed=5)
    serializers.load_npz(os.path.join(str(tmp_path), 'snapshot_iter_8'),
                         resumed)
    assert resumed.updater.iteration == 8
    numpy.testing.assert_array_equal(
        resumed.updater.get_optimizer('main').target.predictor.W.array,
        trainer.updater.get_optimizer('main').target.predictor.W.array)


def test_snapshot_object_condition_and_callable_name(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(4, 'iteration'))
    model = trainer.updater.get_optimizer('main').target
    ext = extensions.snapshot_object(
        model, lambda t: 'model_%d.npz' % t.updater.iteration,
        condition=lambda: trainer.updater.iteration % 2 == 0)
    trainer.extend(ext, trigger=(1, 'iteration'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == ['model_2.npz', 'model_4.npz']
    with numpy.load(os.path.join(str(tmp_path), 'model_4.npz')) as f:
        assert sorted(f.files) == ['predictor/W', 'predictor/b']


def test_n_retains_and_autoload(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(6, 'iteration'))
    fmt = 'snap_{.updater.iteration}'
    trainer.extend(extensions.snapshot(filename=fmt, n_retains=2),
                   trigger=(1, 'iteration'))
    times = iter(range(100))

    def age(t):
        # Distinct mtimes even on coarse file systems: newest is last.
        path = os.path.join(t.out, fmt.format(t))
        stamp = 1e9 + next(times)
        os.utime(path, (stamp, stamp))
    trainer.extend(age, priority=-200)
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == ['snap_5', 'snap_6']

    resumed = _util.make_trainer(str(tmp_path), stop=(8, 'iteration'))
    resumed.extend(extensions.snapshot(filename=fmt, autoload=True))
    resumed.run()
    # It started from iteration 6 (the newest snapshot) and ran 2 more.
    assert resumed.updater.iteration == 8
    assert resumed.updater.get_optimizer('main').t == 8


def test_autoload_without_snapshot(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(1, 'iteration'))
    trainer.extend(extensions.snapshot(autoload=True))
    trainer.run()
    assert trainer.updater.iteration == 1


def test_snapshot_on_error(tmp_path):
    trainer = _mock_trainer(tmp_path)

    def fail(t):
        raise RuntimeError('failed')

    trainer.extend(fail, trigger=(3, 'iteration'))
    trainer.extend(extensions.snapshot(
        filename='on_error', snapshot_on_error=True, target=_Dummy()),
        trigger=(100, 'iteration'))
    with pytest.raises(RuntimeError, match='failed'):
        trainer.run(show_loop_exception_msg=False)
    assert os.listdir(str(tmp_path)) == ['on_error']


class _Dummy(object):
    def serialize(self, serializer):
        serializer('x', numpy.ones(2))


def test_find_snapshot_helpers(tmp_path):
    path = str(tmp_path)
    names = ['snapshot_iter_1', 'snapshot_iter_10', 'snapshot_iter_2',
             'other', 'tmpsnapshot_iter_3']
    for i, name in enumerate(names):
        full = os.path.join(path, name)
        open(full, 'w').close()
        os.utime(full, (1e9 + i, 1e9 + i))
    os.mkdir(os.path.join(path, 'snapshot_iter_dir'))
    fmt = 'snapshot_iter_{.updater.iteration}'
    assert [n for _, n in _snapshot._find_snapshot_files(fmt, path)] == \
        ['snapshot_iter_1', 'snapshot_iter_10', 'snapshot_iter_2']
    assert _snapshot._find_latest_snapshot(fmt, path) == 'snapshot_iter_2'
    assert list(_snapshot._find_stale_snapshots(fmt, path, 1)) == \
        ['snapshot_iter_1', 'snapshot_iter_10']


_KILLED_WRITER = textwrap.dedent('''
    import sys, time
    import numpy
    from chainer_lite import serializers
    from chainer_lite.training.extensions import snapshot_writers

    outdir, phase = sys.argv[1], sys.argv[2]
    target = {'x': numpy.arange(1000, dtype=numpy.float64) + (
        0 if phase == 'first' else 1)}

    def slow_save(path, obj):
        # Writes half of a file, then hangs until the test kills us.
        with open(path, 'wb') as f:
            f.write(b'PK' + b'x' * 5000)
            f.flush()
        print('WRITING', flush=True)
        time.sleep(60)

    if phase == 'first':
        snapshot_writers.SimpleWriter()('snapshot', outdir, target)
    else:
        snapshot_writers.SimpleWriter(savefun=slow_save)(
            'snapshot', outdir, target)
''')


def test_killed_mid_save_keeps_previous_snapshot(tmp_path):
    outdir = str(tmp_path)
    env = dict(os.environ, PYTHONPATH=ROOT)
    cmd = [sys.executable, '-c', _KILLED_WRITER, outdir]
    subprocess.run(cmd + ['first'], check=True, env=env, timeout=60)
    path = os.path.join(outdir, 'snapshot')
    with open(path, 'rb') as f:
        good = f.read()

    proc = subprocess.Popen(cmd + ['second'], stdout=subprocess.PIPE,
                            env=env)
    try:
        assert proc.stdout.readline().strip() == b'WRITING'
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    with open(path, 'rb') as f:
        assert f.read() == good
    with numpy.load(path) as npz:
        numpy.testing.assert_array_equal(npz['x'], numpy.arange(1000.))
    # The half-written data only ever lived in a temporary directory,
    # which autoload and n_retains ignore.
    assert _snapshot._find_latest_snapshot('snapshot', outdir) == 'snapshot'


def test_writer_leaves_no_temporary_files(tmp_path):
    writer = extensions.snapshot_writers.SimpleWriter()
    writer('file.npz', str(tmp_path), {'x': numpy.ones(2)})
    assert os.listdir(str(tmp_path)) == ['file.npz']


@pytest.mark.parametrize('writer_class', [
    extensions.snapshot_writers.SimpleWriter,
    extensions.snapshot_writers.ThreadWriter,
    extensions.snapshot_writers.ProcessWriter,
    extensions.snapshot_writers.ThreadQueueWriter,
    extensions.snapshot_writers.ProcessQueueWriter,
])
def test_writers_in_training(tmp_path, writer_class):
    trainer = _util.make_trainer(str(tmp_path), stop=(3, 'iteration'))
    trainer.extend(extensions.snapshot(writer=writer_class()),
                   trigger=(1, 'iteration'))
    start = time.time()
    trainer.run()  # finalize waits for the pending saves
    assert time.time() - start < 60
    assert sorted(os.listdir(str(tmp_path))) == \
        ['snapshot_iter_1', 'snapshot_iter_2', 'snapshot_iter_3']
    resumed = _util.make_trainer(str(tmp_path), stop=(3, 'iteration'))
    serializers.load_npz(os.path.join(str(tmp_path), 'snapshot_iter_3'),
                         resumed)
    assert resumed.updater.iteration == 3


def test_writer_savefun_kwargs(tmp_path):
    writer = extensions.snapshot_writers.SimpleWriter(compression=False)
    writer('plain.npz', str(tmp_path), {'x': numpy.ones(3)})
    with numpy.load(os.path.join(str(tmp_path), 'plain.npz')) as f:
        numpy.testing.assert_array_equal(f['x'], numpy.ones(3))


def test_trainer_extend_with_snapshot_name():
    trainer = testing.get_trainer_with_mock_updater()
    trainer.extend(extensions.snapshot())
    assert isinstance(trainer.get_extension('_Snapshot'),
                      training.Extension)
