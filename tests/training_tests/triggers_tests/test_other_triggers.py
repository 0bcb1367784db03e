import pytest

from chainer_lite import testing
from chainer_lite.training import triggers


def _run(trigger, n, iter_per_epoch=5, observe=None):
    trainer = testing.get_trainer_with_mock_updater(
        (n, 'iteration'), iter_per_epoch=iter_per_epoch)
    fired = []
    for i in range(n):
        trainer.updater.update()
        if observe is not None:
            trainer.observation = observe(i)
        if trigger(trainer):
            fired.append(trainer.updater.iteration)
    return fired


@pytest.mark.parametrize('points,unit,expected', [
    (4, 'iteration', [4]),
    ([2, 7], 'iteration', [2, 7]),
    ([0.5, 1.5], 'epoch', [3, 8]),
])
def test_manual_schedule(points, unit, expected):
    trigger = triggers.ManualScheduleTrigger(points, unit)
    assert not trigger.finished
    assert _run(trigger, 10) == expected
    assert trigger.finished


def test_manual_schedule_serialization():
    trigger = triggers.ManualScheduleTrigger(3, 'iteration')
    _run(trigger, 5)
    restored = triggers.ManualScheduleTrigger(3, 'iteration')
    testing.save_and_load_npz(trigger, restored)
    assert restored.finished


def test_once():
    trigger = triggers.OnceTrigger()
    assert _run(trigger, 3) == [1]
    assert trigger.finished

    resumable = triggers.OnceTrigger(call_on_resume=True)
    _run(resumable, 2)
    restored = triggers.OnceTrigger(call_on_resume=True)
    testing.save_and_load_npz(resumable, restored)
    assert _run(restored, 2) == [1]  # fires again after the resume


@pytest.mark.parametrize('cls,values,expected', [
    (triggers.MaxValueTrigger, [1, 3, 2, 5, 4, 4], [1, 2, 4]),
    (triggers.MinValueTrigger, [5, 3, 4, 1, 2, 2], [1, 2, 4]),
])
def test_best_value(cls, values, expected):
    # One value per iteration, one comparison per epoch of 2 iterations
    # (the mean of the two).
    values = [v for v in values for _ in range(2)]
    trigger = cls('acc', trigger=(1, 'epoch'))
    fired = _run(trigger, 12, iter_per_epoch=2,
                 observe=lambda i: {'acc': float(values[i])})
    assert [f // 2 for f in fired] == expected


def test_best_value_serialization():
    trigger = triggers.MaxValueTrigger('acc', trigger=(1, 'iteration'))
    _run(trigger, 3, observe=lambda i: {'acc': float(i)})
    restored = triggers.MaxValueTrigger('acc', trigger=(1, 'iteration'))
    testing.save_and_load_npz(trigger, restored)
    assert restored._best_value == 2.0


def test_early_stopping_stops_when_no_improvement():
    losses = [5., 4., 3., 3.5, 3.6, 3.7, 1.]
    trigger = triggers.EarlyStoppingTrigger(
        check_trigger=(1, 'iteration'), monitor='main/loss', patience=2,
        max_trigger=(100, 'iteration'))
    fired = _run(trigger, len(losses),
                 observe=lambda i: {'main/loss': losses[i]})
    assert fired[0] == 5  # two checks in a row without a new minimum


def test_early_stopping_modes_and_alias(capsys):
    trigger = triggers.EarlyStoppingTrigger(
        monitor='validation/main/accuracy', verbose=True)
    assert trigger.best == float('-inf')
    assert 'operator is greater' in capsys.readouterr().out
    assert triggers.EarlyStoppingTrigger(patients=5).patience == 5
    with pytest.raises(TypeError, match='alias'):
        triggers.EarlyStoppingTrigger(patience=1, patients=2)
    assert triggers.EarlyStoppingTrigger(
        max_trigger=(7, 'epoch')).get_training_length() == (7, 'epoch')


def test_early_stopping_max_trigger():
    trigger = triggers.EarlyStoppingTrigger(
        check_trigger=(10, 'iteration'), max_trigger=(3, 'iteration'))
    assert _run(trigger, 5)[0] == 3


def test_early_stopping_warns_without_value():
    trigger = triggers.EarlyStoppingTrigger(check_trigger=(1, 'iteration'))
    with pytest.warns(UserWarning, match='main/loss is not in observation'):
        assert _run(trigger, 1) == []


def test_time_trigger():
    class FakeTrainer(object):
        elapsed_time = 0.

    trainer = FakeTrainer()
    trigger = triggers.TimeTrigger(1.5)
    fired = []
    for t in [0.5, 1.0, 1.6, 2.0, 3.1, 4.0, 4.6]:
        trainer.elapsed_time = t
        fired.append(trigger(trainer))
    assert fired == [False, False, True, False, True, False, True]
    restored = triggers.TimeTrigger(1.5)
    testing.save_and_load_npz(trigger, restored)
    assert restored._next_time == 6.0
