"""Trigger firing at a fixed interval of iterations or epochs."""
from chainer_lite.training.triggers import _progress


class IntervalTrigger(_progress.ProgressTrigger):
    """Trigger firing every ``period`` iterations or epochs.

    It fires when the count crosses a multiple of ``period`` since its
    previous call, so fractional epoch periods work.

    Args:
        period (int or float): Length of the interval (an integer for
            ``'iteration'``).
        unit (str): ``'iteration'`` or ``'epoch'``.

    Example:

        >>> from chainer.training import triggers
        >>> print(triggers.IntervalTrigger(2, 'epoch'))
        IntervalTrigger(2, 'epoch')
    """

    def __init__(self, period, unit):
        if unit not in ('epoch', 'iteration'):
            raise ValueError(
                'Trigger unit must be either \'epoch\' or \'iteration\'.')
        super(IntervalTrigger, self).__init__()
        self.period = period
        self.unit = unit
        # Number of completed periods; kept because old code reads it.
        self.count = 0

    def __call__(self, trainer):
        """Returns whether the extension should run at this iteration.

        Args:
            trainer (~chainer.training.Trainer): The trainer; its updater's
                ``iteration`` / ``epoch_detail`` are read.

        Returns:
            bool: ``True`` to fire.
        """
        updater = trainer.updater
        previous = self._previous_count(updater, self.unit)
        if self.unit == 'epoch':
            current = updater.epoch_detail
            self.count = current // self.period
        else:
            current = updater.iteration
        fire = previous // self.period != current // self.period
        self._remember_progress(updater)
        return fire

    def serialize(self, serializer):
        self._serialize_progress(serializer)

    def get_training_length(self):
        """Returns ``(period, unit)``, used as the length of training."""
        return (self.period, self.unit)

    def __str__(self):
        return '{}({}, \'{}\')'.format(
            type(self).__name__, self.period, self.unit)
