import warnings

import hypothesis
from hypothesis import strategies as st
import pytest

from chainer_lite import serializers
from chainer_lite import testing
from chainer_lite.training import triggers
from chainer_lite.training import util


def _fires(trigger, n, iter_per_epoch=5):
    trainer = testing.get_trainer_with_mock_updater(
        (n, 'iteration'), iter_per_epoch=iter_per_epoch)
    fired = []
    for _ in range(n):
        trainer.updater.update()
        if trigger(trainer):
            fired.append(trainer.updater.iteration)
    return fired


@pytest.mark.parametrize('period,unit,iter_per_epoch,expected', [
    (3, 'iteration', 5, [3, 6, 9, 12]),
    (1, 'epoch', 5, [5, 10]),
    (0.5, 'epoch', 4, [2, 4, 6, 8, 10, 12]),
    # 2.5 iterations per epoch: a fractional epoch period still fires once
    # per crossing.
    (1, 'epoch', 2.5, [3, 5, 8, 10]),
])
def test_fires_at_crossings(period, unit, iter_per_epoch, expected):
    n = 12 if unit == 'iteration' or iter_per_epoch == 4 else 10
    trigger = triggers.IntervalTrigger(period, unit)
    assert _fires(trigger, n, iter_per_epoch) == expected


def test_str_and_length():
    trigger = triggers.IntervalTrigger(2, 'epoch')
    assert str(trigger) == "IntervalTrigger(2, 'epoch')"
    assert trigger.get_training_length() == (2, 'epoch')


def test_bad_unit():
    with pytest.raises(ValueError, match="'epoch' or 'iteration'"):
        triggers.IntervalTrigger(1, 'second')


def test_get_trigger():
    trigger = util.get_trigger((4, 'iteration'))
    assert isinstance(trigger, triggers.IntervalTrigger)
    assert util.get_trigger(trigger) is trigger
    assert util.get_trigger(None)(None) is False


def test_resume_keeps_phase():
    # Called only every other iteration: after a resume, the saved
    # previous iteration keeps the trigger in phase.
    trainer = testing.get_trainer_with_mock_updater((20, 'iteration'))
    trigger = triggers.IntervalTrigger(3, 'iteration')
    for _ in range(4):
        trainer.updater.update()
    trigger(trainer)  # at iteration 4

    restored = triggers.IntervalTrigger(3, 'iteration')
    testing.save_and_load_npz(trigger, restored)
    trainer.updater.update()
    trainer.updater.update()  # iteration 6
    assert restored(trainer)


def test_old_snapshot_warns(tmp_path):
    path = str(tmp_path / 'empty.npz')
    serializers.save_npz(path, {})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        serializers.load_npz(path, triggers.IntervalTrigger(1, 'iteration'))
    messages = [str(w.message) for w in caught]
    assert len(messages) == 2
    assert 'IntervalTrigger guesses it' in messages[0]
    assert 'epoch_detail is not saved' in messages[1]


@hypothesis.given(
    period=st.integers(1, 7), n=st.integers(1, 40),
    iter_per_epoch=st.sampled_from([1, 2.5, 3, 4]),
    unit=st.sampled_from(['iteration', 'epoch']),
    split=st.integers(0, 40))
def test_fires_once_per_period_even_across_resume(
        period, n, iter_per_epoch, unit, split):
    # Firing iterations are those where iteration (or epoch_detail) crosses
    # a multiple of the period; saving and restoring the trigger at any
    # point does not change them.
    def position(it):
        return it if unit == 'iteration' else it / iter_per_epoch

    expected = [it for it in range(1, n + 1)
                if position(it - 1) // period != position(it) // period]

    trainer = testing.get_trainer_with_mock_updater(
        (n, 'iteration'), iter_per_epoch=iter_per_epoch)
    trigger = triggers.IntervalTrigger(period, unit)
    fired = []
    for it in range(1, n + 1):
        trainer.updater.update()
        if trigger(trainer):
            fired.append(it)
        if it == split:
            restored = triggers.IntervalTrigger(period, unit)
            testing.save_and_load_npz(trigger, restored)
            trigger = restored
    assert fired == expected
