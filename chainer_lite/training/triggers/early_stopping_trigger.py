"""Stop trigger implementing early stopping on a monitored value."""
import operator
import warnings

from chainer_lite import reporter
from chainer_lite.training import util
from chainer_lite.utils import argument


class EarlyStoppingTrigger(object):
    """__init__(self, check_trigger=(1, 'epoch'), monitor='main/loss', \
patience=3, mode='auto', verbose=False, max_trigger=(100, 'epoch'))

    Stop trigger that fires when a monitored value stops improving.

    The value under ``monitor`` is averaged over each ``check_trigger``
    interval. When ``patience`` consecutive interval means fail to beat the
    best one so far, or ``max_trigger`` fires, the trigger fires and the
    trainer stops.

    Args:
        check_trigger: Interval of the checks, e.g. ``(1, 'epoch')``.
        monitor (str): Key of the monitored value.
        patience (int): Number of checks without improvement tolerated
            (``patients`` is accepted as an old alias).
        mode (str): ``'max'``, ``'min'`` or ``'auto'`` (``'max'`` when the
            key contains ``'accuracy'``, else ``'min'``).
        verbose (bool): Print the comparison mode and when stopping.
        max_trigger: Upper bound of the training length.

    Example:

        >>> from chainer.training import triggers
        >>> stop = triggers.EarlyStoppingTrigger(
        ...     monitor='validation/main/loss', patience=2,
        ...     max_trigger=(50, 'epoch'))
        >>> stop.get_training_length()
        (50, 'epoch')
    """

    def __init__(self, check_trigger=(1, 'epoch'), monitor='main/loss',
                 patience=None, mode='auto', verbose=False,
                 max_trigger=(100, 'epoch'), **kwargs):
        # 'patients' is an old misspelling of 'patience'.
        alias, = argument.parse_kwargs(kwargs, ('patients', None))
        if alias is not None and patience is not None:
            raise TypeError(
                'Both \'patience\' and \'patients\' arguments are '
                'specified. \'patients\' is an alias of the former. '
                'Specify only \'patience\'.')
        if patience is None:
            patience = 3 if alias is None else alias

        self.count = 0
        self.patience = patience
        self.monitor = monitor
        self.verbose = verbose
        self.already_warning = False
        self._max_trigger = util.get_trigger(max_trigger)
        self._check_trigger = util.get_trigger(check_trigger)
        self._init_summary()

        if mode == 'max' or (mode != 'min' and 'accuracy' in monitor):
            self._compare = operator.gt
            self.best = float('-inf')
            message = 'early stopping: operator is greater'
        else:
            self._compare = operator.lt
            self.best = float('inf')
            message = 'early stopping: operator is less'
        if verbose:
            print(message)

    def __call__(self, trainer):
        """Returns whether the training should stop.

        Args:
            trainer (~chainer.training.Trainer): The trainer; its
                ``observation`` is read.

        Returns:
            bool: ``True`` to stop.
        """
        observation = trainer.observation
        if self.monitor in observation:
            self._summary.add({self.monitor: observation[self.monitor]})

        if self._max_trigger(trainer):
            return True
        if not self._check_trigger(trainer):
            return False
        if self.monitor not in observation:
            warnings.warn('%s is not in observation' % (self.monitor,))
            return False

        current = self._summary.compute_mean()[self.monitor]
        self._init_summary()
        if self._compare(current, self.best):
            self.best = current
            self.count = 0
        else:
            self.count += 1

        stop = self._stop_condition()
        if stop and self.verbose:
            print('Epoch %s: early stopping' % (trainer.updater.epoch,))
        return bool(stop)

    def _stop_condition(self):
        return self.count >= self.patience

    def _init_summary(self):
        self._summary = reporter.DictSummary()

    def get_training_length(self):
        """Returns the training length of ``max_trigger``."""
        return self._max_trigger.get_training_length()
