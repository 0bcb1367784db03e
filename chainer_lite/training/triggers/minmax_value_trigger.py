"""Triggers firing when a reported value reaches a new best."""
from chainer_lite import reporter
from chainer_lite.training import util


class BestValueTrigger(object):
    """Trigger firing when the mean of a reported value becomes the best.

    The value under ``key`` is averaged over each interval given by
    ``trigger``; at the end of an interval the trigger fires if that mean is
    better than every earlier one (the first interval always fires).

    Args:
        key (str): Key of the observed value (e.g. ``'validation/main/loss'``).
        compare (callable): ``compare(best, new)`` returns ``True`` when
            ``new`` is better than ``best``.
        trigger: Interval of the comparisons, e.g. ``(1, 'epoch')``.
    """

    def __init__(self, key, compare, trigger=(1, 'epoch')):
        self._key = key
        self._best_value = None
        self._interval_trigger = util.get_trigger(trigger)
        self._init_summary()
        self._compare = compare

    def __call__(self, trainer):
        """Returns whether the value became the best at this iteration.

        Args:
            trainer (~chainer.training.Trainer): The trainer; its
                ``observation`` is read.

        Returns:
            bool: ``True`` to fire.
        """
        observation = trainer.observation
        if self._key in observation:
            self._summary.add({self._key: observation[self._key]})

        if not self._interval_trigger(trainer):
            return False

        value = float(self._summary.compute_mean()[self._key])
        self._init_summary()
        # The first checked value is the best so far by definition.
        best = self._best_value
        if best is not None and not self._compare(best, value):
            return False
        self._best_value = value
        return True

    def _init_summary(self):
        self._summary = reporter.DictSummary()

    def serialize(self, serializer):
        for key, child in (('interval_trigger', self._interval_trigger),
                           ('summary', self._summary)):
            child.serialize(serializer[key])
        self._best_value = serializer('best_value', self._best_value)


class MaxValueTrigger(BestValueTrigger):
    """Trigger firing when the mean of a reported value reaches a new maximum.

    Args:
        key (str): Key of the observed value, e.g.
            ``'validation/main/accuracy'``.
        trigger: Interval of the comparisons, e.g. ``(1, 'epoch')``.

    Example:

        >>> from chainer.training import triggers
        >>> best = triggers.MaxValueTrigger('validation/main/accuracy')
    """

    def __init__(self, key, trigger=(1, 'epoch')):
        super(MaxValueTrigger, self).__init__(
            key, lambda best, new: new > best, trigger)


class MinValueTrigger(BestValueTrigger):
    """Trigger firing when the mean of a reported value reaches a new minimum.

    Args:
        key (str): Key of the observed value, e.g.
            ``'validation/main/loss'``.
        trigger: Interval of the comparisons, e.g. ``(1, 'epoch')``.
    """

    def __init__(self, key, trigger=(1, 'epoch')):
        super(MinValueTrigger, self).__init__(
            key, lambda best, new: new < best, trigger)
