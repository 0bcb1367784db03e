import io
import os

import numpy
import pytest

from chainer_lite import serializers
from chainer_lite import testing
from chainer_lite import training
from training_tests import _util


def _mock_trainer(iterations=10):
    return testing.get_trainer_with_mock_updater((iterations, 'iteration'))


def test_runs_until_stop_trigger():
    trainer = _mock_trainer(7)
    trainer.run()
    assert trainer.updater.iteration == 7


def test_extensions_run_by_priority_then_registration():
    calls = []
    trainer = _mock_trainer(1)
    for name, priority in [('a', 100), ('b', 300), ('c', 100), ('d', 200)]:
        trainer.extend(lambda t, name=name: calls.append(name),
                       name=name, priority=priority)
    trainer.run()
    assert calls == ['b', 'd', 'a', 'c']


def test_extension_trigger_and_names():
    calls = []
    trainer = _mock_trainer(10)

    @training.make_extension(trigger=(3, 'iteration'))
    def every3(t):
        calls.append(t.updater.iteration)

    trainer.extend(every3)
    trainer.extend(every3)  # same name: gets a suffix
    assert every3.name == 'every3_1'
    assert trainer.get_extension('every3_1') is every3
    trainer.run()
    assert calls == [3, 3, 6, 6, 9, 9]


def test_extend_errors():
    trainer = _mock_trainer()
    with pytest.raises(ValueError, match='prohibited'):
        trainer.extend(lambda t: None, name='training')
    with pytest.raises(ValueError, match='extension foo not found'):
        trainer.get_extension('foo')
    with pytest.raises(ValueError, match='initializer='):
        trainer.extend(lambda t: None, invoke_before_training=True)


def test_call_before_training_and_initialize():
    events = []

    class Ext(training.Extension):
        trigger = (5, 'iteration')

        def initialize(self, trainer):
            events.append('init')

        def __call__(self, trainer):
            events.append(('call', trainer.updater.iteration,
                           trainer.is_before_training))

        def finalize(self):
            events.append('finalize')

    trainer = _mock_trainer(10)
    trainer.extend(Ext(), call_before_training=True)
    trainer.run()
    assert events == ['init', ('call', 0, True), ('call', 5, False),
                      ('call', 10, False), 'finalize']


def test_error_handlers_and_finalizers(capsys):
    events = []

    class Boom(Exception):
        pass

    def raiser(trainer):
        raise Boom('boom')

    class Watcher(training.Extension):
        def __call__(self, trainer):
            pass

        def on_error(self, trainer, exc, tb):
            events.append(('on_error', type(exc)))
            raise ValueError('handler failure is only printed')

        def finalize(self):
            events.append('finalize')

    trainer = _mock_trainer()
    trainer.extend(raiser, priority=200)
    trainer.extend(Watcher())
    with pytest.raises(Boom):
        trainer.run()
    assert events == [('on_error', Boom), 'finalize']
    err = capsys.readouterr().err
    assert 'Exception in main training loop: boom' in err
    assert 'Exception in error handler: handler failure' in err


def test_cannot_run_twice():
    trainer = _mock_trainer(1)
    trainer.run()
    with pytest.raises(RuntimeError, match='multiple times'):
        trainer.run()


def test_elapsed_time():
    trainer = _mock_trainer(3)
    with pytest.raises(RuntimeError, match='not been started'):
        trainer.elapsed_time
    trainer.run()
    assert trainer.elapsed_time > 0
    assert trainer.elapsed_time == trainer.elapsed_time  # frozen after run


def test_creates_output_directory(tmp_path):
    out = str(tmp_path / 'a' / 'b')
    trainer = testing.get_trainer_with_mock_updater((1, 'iteration'))
    trainer.out = out
    trainer.run()
    assert os.path.isdir(out)


def test_reporter_observers(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(1, 'iteration'))
    seen = {}
    trainer.extend(lambda t: seen.update(t.observation))
    trainer.run()
    assert set(seen) == {'main/loss', 'main/accuracy'}


def test_serialize_keys(tmp_path):
    trainer = _util.make_trainer(str(tmp_path), stop=(1, 'epoch'))
    trainer.extend(training.extensions.LogReport())
    trainer.run()
    path = str(tmp_path / 'trainer.npz')
    serializers.save_npz(path, trainer)
    with numpy.load(path, allow_pickle=False) as npz:
        keys = set(npz.files)
    assert 'updater/iteration' in keys
    assert 'updater/model:main/predictor/W' in keys
    assert 'updater/optimizer:main/t' in keys
    assert 'updater/iterator:main/current_position' in keys
    assert 'stop_trigger/previous_iteration' in keys
    assert 'extensions/LogReport/_log' in keys
    assert 'extension_triggers/LogReport/previous_iteration' in keys
    assert '_snapshot_elapsed_time' in keys


def test_resume_continues_identically(tmp_path):
    # 4 epochs straight versus 2 epochs, save, load into a trainer with
    # other initial weights and continue to 4: same parameters, optimizer
    # state and log. (No shuffling: the shuffling generator is not part of
    # a trainer snapshot; the MNIST example shows how to keep it.)
    def run(trainer):
        trainer.extend(training.extensions.LogReport(log_name=None))
        trainer.run()
        return trainer

    straight = run(_util.make_trainer(
        str(tmp_path / 'a'), (4, 'epoch'), shuffle=False))

    first = run(_util.make_trainer(
        str(tmp_path / 'b'), (2, 'epoch'), shuffle=False))
    path = str(tmp_path / 'half.npz')
    serializers.save_npz(path, first)
    resumed = _util.make_trainer(
        str(tmp_path / 'c'), (4, 'epoch'), seed=1, shuffle=False)
    resumed.extend(training.extensions.LogReport(log_name=None))
    serializers.load_npz(path, resumed)
    resumed.run()

    assert resumed.updater.iteration == straight.updater.iteration == 16
    for (name, p), (_, q) in zip(
            sorted(straight.updater.get_optimizer('main').target
                   .namedparams()),
            sorted(resumed.updater.get_optimizer('main').target
                   .namedparams())):
        numpy.testing.assert_array_equal(p.array, q.array, err_msg=name)
        for key in ('m', 'v'):
            numpy.testing.assert_array_equal(
                p.update_rule.state[key], q.update_rule.state[key])

    def losses(trainer):
        log = trainer.get_extension('LogReport').log
        return [(e['epoch'], e['iteration'], e['main/loss']) for e in log]

    assert losses(resumed) == losses(straight)
    assert resumed.elapsed_time > first.elapsed_time


def test_loop_exception_message_can_be_silenced(capsys):
    trainer = _mock_trainer()

    def raiser(trainer):
        raise KeyError('x')

    trainer.extend(raiser)
    with pytest.raises(KeyError):
        trainer.run(show_loop_exception_msg=False)
    assert capsys.readouterr().err == ''


def test_print_to_stream_smoke():
    # Trainer works with extensions writing to any stream.
    out = io.StringIO()
    trainer = _mock_trainer(2)
    trainer.extend(lambda t: out.write('x'))
    trainer.run()
    assert out.getvalue() == 'xx'
