"""Bookkeeping shared by triggers that compare with the previous iteration."""
import warnings


class ProgressTrigger(object):
    """Remembers the updater's iteration and epoch_detail between calls.

    Both values are serialized, so a trigger that is not called at every
    iteration still fires correctly after a resume. Snapshots written
    without them make the trigger fall back to a guess (marked by a
    negative value) and warn.
    """

    def __init__(self):
        self._previous_iteration = 0
        self._previous_epoch_detail = 0.

    def _previous_count(self, updater, unit):
        # The iteration or epoch_detail seen at the previous call, guessed
        # from the updater when a snapshot lacked it.
        if unit == 'epoch':
            previous = self._previous_epoch_detail
            if previous < 0:
                previous = updater.previous_epoch_detail
        else:
            previous = self._previous_iteration
            if previous < 0:
                previous = updater.iteration - 1
        return previous

    def _remember_progress(self, updater):
        self._previous_iteration = updater.iteration
        if hasattr(updater, 'epoch_detail'):
            self._previous_epoch_detail = updater.epoch_detail

    def _serialize_progress(self, serializer):
        name = type(self).__name__
        try:
            self._previous_iteration = serializer(
                'previous_iteration', self._previous_iteration)
        except KeyError:
            warnings.warn(
                'The previous value of iteration is not saved. '
                '{} guesses it using current iteration. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.'.format(name))
            self._previous_iteration = -1

        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            warnings.warn(
                'The previous value of epoch_detail is not saved. '
                '{} uses the value of '
                'trainer.updater.previous_epoch_detail. '
                'If this trigger is not called at every iteration, '
                'it may not work correctly.'.format(name))
            self._previous_epoch_detail = -1.
