"""Extension drawing a progress bar of the training in the terminal."""
import datetime
import sys

from chainer_lite.training import extension
from chainer_lite.training.extensions import util


class ProgressBar(extension.Extension):
    """Extension drawing the training progress, redrawn in place.

    Every ``update_interval`` iterations it draws the total and the
    current-epoch bars, the iteration and epoch counts, the speed and the
    estimated time left::

             total [#######...........................................] 14.00%
        this epoch [#################################.................] 66.67%
                100 iter, 2 epoch / 20 epochs
             185.4 iters/sec. Estimated time to finish: 0:00:03.234560.

    Args:
        training_length (tuple): ``(length, unit)`` of the whole training;
            taken from the stop trigger's ``get_training_length()`` when
            ``None``.
        update_interval (int): Iterations between redraws.
        bar_length (int): Width of the bars in characters.
        out: Output stream, ``sys.stdout`` by default.
    """

    def __init__(self, training_length=None, update_interval=100,
                 bar_length=50, out=sys.stdout):
        self._training_length = training_length
        self._update_interval = update_interval
        self._bar_length = bar_length
        self._out = out
        self._pbar = _TrainerProgressBar(
            training_length, bar_length=bar_length, out=out)

    def __call__(self, trainer):
        self._pbar.trainer = trainer
        if trainer.updater.iteration % self._update_interval == 0:
            self._pbar.update()

    def finalize(self):
        self._pbar.close()


def _bar(rate, length):
    marks = '#' * int(rate * length)
    return marks + '.' * (length - len(marks))


class _TrainerProgressBar(util.ProgressBar):

    def __init__(self, training_length, bar_length, out):
        super(_TrainerProgressBar, self).__init__(
            bar_length=bar_length, out=out)
        self.trainer = None
        self.training_length = training_length
        self.status_template = None

    def get_lines(self):
        updater = self.trainer.updater
        iteration = updater.iteration
        epoch = updater.epoch_detail

        if self.training_length is None:
            self.training_length = \
                self.trainer.stop_trigger.get_training_length()
        length, unit = self.training_length

        if unit == 'iteration':
            rate = iteration / length
        else:
            rate = epoch / length
        rate = min(rate, 1.0)
        epoch_rate = epoch - int(epoch)
        lines = [
            '     total [{}] {:6.2%}\n'.format(
                _bar(rate, self._bar_length), rate),
            'this epoch [{}] {:6.2%}\n'.format(
                _bar(epoch_rate, self._bar_length), epoch_rate),
        ]

        if self.status_template is None:
            self.status_template = (
                '{0.iteration:10} iter, {0.epoch} epoch / %s %ss\n'
                % self.training_length)
        lines.append(self.status_template.format(updater))

        iters_per_sec, epochs_per_sec = self.update_speed(iteration, epoch)
        if unit == 'iteration':
            remaining = (length - iteration) / iters_per_sec
        else:
            remaining = (length - epoch) / epochs_per_sec
        remaining = datetime.timedelta(seconds=max(remaining, 0.0))
        lines.append('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                     .format(iters_per_sec, remaining))
        return lines
