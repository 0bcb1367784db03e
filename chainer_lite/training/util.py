"""Helpers for trainers: turning trigger specifications into triggers."""
from chainer_lite.training.triggers import interval_trigger


def get_trigger(trigger):
    """Returns a trigger object for a trigger specification.

    A trigger is a callable taking the trainer and returning a bool.

    Args:
        trigger: A callable (returned as it is), ``None`` (a trigger that
            never fires) or a tuple such as ``(1, 'epoch')``, which becomes
            an :class:`~chainer.training.triggers.IntervalTrigger`.

    Returns:
        The trigger.

    Example:

        >>> from chainer import training
        >>> print(training.get_trigger((5, 'iteration')))
        IntervalTrigger(5, 'iteration')
    """
    if callable(trigger):
        return trigger
    if trigger is None:
        return _never_fire_trigger
    return interval_trigger.IntervalTrigger(*trigger)


def _never_fire_trigger(trainer):
    return False
