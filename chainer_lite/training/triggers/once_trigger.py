"""Trigger firing once, at the first iteration (optionally again on resume)."""
import warnings


class OnceTrigger(object):
    """Trigger firing at its first call only.

    Args:
        call_on_resume (bool): Also fire at the first call after the trainer
            was resumed from a snapshot.

    Attributes:
        finished (bool): ``True`` when it will not fire any more.

    Example:

        >>> from chainer.training import triggers
        >>> t = triggers.OnceTrigger()
        >>> t(None), t(None)
        (True, False)
    """

    def __init__(self, call_on_resume=False):
        # Fires at the first call, and at the first call after a resume
        # when call_on_resume is set.
        self._first_pending = True
        self._resume_pending = call_on_resume

    @property
    def finished(self):
        return not self._first_pending and not self._resume_pending

    def __call__(self, trainer):
        fire = not self.finished
        self._first_pending = self._resume_pending = False
        return fire

    def serialize(self, serializer):
        try:
            self._first_pending = serializer(
                '_flag_first', self._first_pending)
        except KeyError:
            warnings.warn(
                'The flag is not saved.'
                'OnceTrigger guess it is not first when resumed. '
                'If this trigger is resumed before first called, '
                'it may not work correctly.')
            self._first_pending = False
