"""Trigger firing at a fixed interval of wall-clock training time."""


class TimeTrigger(object):
    """Trigger firing each time ``period`` more seconds of training passed.

    It reads :attr:`Trainer.elapsed_time <chainer.training.Trainer>`, which
    includes the time before a resume.

    Args:
        period (float): Interval in seconds.
    """

    def __init__(self, period):
        self._period = period
        self._next_time = self._period

    def __call__(self, trainer):
        if self._next_time < trainer.elapsed_time:
            self._next_time += self._period
            return True
        return False

    def serialize(self, serializer):
        self._next_time = serializer('next_time', self._next_time)
