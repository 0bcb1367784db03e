"""Trigger firing at given iterations or epochs."""
import warnings

from chainer_lite.training.triggers import _progress


class ManualScheduleTrigger(_progress.ProgressTrigger):
    """Trigger firing when the count passes one of the given points.

    Args:
        points (int, float or list of them): The iterations or epochs at
            which to fire (integers for ``'iteration'``).
        unit (str): ``'iteration'`` or ``'epoch'``.

    Attributes:
        finished (bool): ``True`` once the last point has passed, so the
            trigger will not fire any more (the trainer then skips the
            extension's ``initialize`` on resume).

    Example:

        >>> from chainer.training import triggers
        >>> t = triggers.ManualScheduleTrigger([10, 20], 'iteration')
        >>> t.points, t.finished
        ([10, 20], False)
    """

    def __init__(self, points, unit):
        if unit not in ('epoch', 'iteration'):
            raise ValueError(
                'Trigger unit must be either \'epoch\' or \'iteration\'.')
        super(ManualScheduleTrigger, self).__init__()
        self.points = points if isinstance(points, list) else [points]
        self.unit = unit
        self.finished = False
        # Set when a snapshot lacked ``finished``: recompute it on next call.
        self._finished_unknown = False

    def __call__(self, trainer):
        """Returns whether the extension should run at this iteration.

        Args:
            trainer (~chainer.training.Trainer): The trainer.

        Returns:
            bool: ``True`` to fire.
        """
        updater = trainer.updater
        previous = self._previous_count(updater, self.unit)
        if self.unit == 'epoch':
            current = updater.epoch_detail
        else:
            current = updater.iteration
        fire = any(previous < p <= current for p in self.points)

        last_point_passed = current >= max(self.points)
        if self._finished_unknown:
            self._finished_unknown = False
            if last_point_passed:
                self.finished = True
        if fire and last_point_passed:
            self.finished = True

        self._remember_progress(updater)
        return fire

    def serialize(self, serializer):
        self._serialize_progress(serializer)
        try:
            self.finished = serializer('finished', self.finished)
        except KeyError:
            warnings.warn(
                'The flag of finished is not saved. '
                'ManualScheduleTrigger set the flag to `False` to force '
                'initialization and reset in next `__call__`.')
            self.finished = False
            self._finished_unknown = True
