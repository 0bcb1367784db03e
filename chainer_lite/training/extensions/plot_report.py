"""Extension plotting reported values to an image file (needs matplotlib)."""
import json
import os

import numpy

from chainer_lite import reporter
from chainer_lite import serializer as serializer_module
from chainer_lite.training import extension
from chainer_lite.training.extensions import _matplotlib
from chainer_lite.training.trigger import get_trigger
from chainer_lite.utils import argument


class PlotReport(extension.Extension):
    """__init__(y_keys, x_key='iteration', trigger=(1, 'epoch'), \
postprocess=None, filename='plot.png', marker='x', grid=True)

    Extension plotting the means of reported values over training.

    Like :class:`LogReport` it averages the observations of ``y_keys`` until
    ``trigger`` fires; it then adds a point per key (at ``x_key``, the
    epoch or iteration) and redraws the whole figure to ``filename`` in the
    output directory. Without matplotlib it warns and does nothing.

    ``matplotlib.pyplot`` is imported only at the first plot, so a script
    may still choose a backend with ``matplotlib.use()`` before training.

    Args:
        y_keys (str or iterable of str): Keys to plot.
        x_key (str): ``'iteration'`` or ``'epoch'``.
        trigger: When to add points, e.g. ``(1, 'epoch')``.
        postprocess: Called with ``(figure, axes, summary)`` before saving.
        filename (str): Image file name (``file_name`` is an old alias).
        marker (str): Marker of the points; ``None`` for none.
        grid (bool): Draw the grid.

    Example:

        >>> from chainer.training import extensions
        >>> plot = extensions.PlotReport(
        ...     ['main/loss', 'validation/main/loss'], 'epoch',
        ...     filename='loss.png')
    """

    def __init__(self, y_keys, x_key='iteration', trigger=(1, 'epoch'),
                 postprocess=None, filename=None, marker='x',
                 grid=True, **kwargs):
        old_name, = argument.parse_kwargs(kwargs, ('file_name', 'plot.png'))
        if filename is None:
            filename = old_name

        _matplotlib.is_available()  # warns early when it is missing

        self._x_key = x_key
        if isinstance(y_keys, str):
            y_keys = (y_keys,)
        self._y_keys = y_keys
        self._trigger = get_trigger(trigger)
        self._file_name = filename
        self._marker = marker
        self._grid = grid
        self._postprocess = postprocess
        self._init_summary()
        self._data = {k: [] for k in y_keys}

    @staticmethod
    def available():
        """Whether matplotlib can be used (warns when it cannot)."""
        return _matplotlib.is_available()

    def __call__(self, trainer):
        if not self.available():
            return
        # Imported here so that matplotlib.use() still works before the
        # first plot.
        import matplotlib.pyplot as plt

        keys = self._y_keys
        observation = trainer.observation
        self._summary.add({k: observation[k] for k in keys
                           if k in observation})

        if not (trainer.is_before_training or self._trigger(trainer)):
            return

        stats = {name: float(value)
                 for name, value in self._summary.compute_mean().items()}
        updater = trainer.updater
        stats['epoch'] = updater.epoch
        stats['iteration'] = updater.iteration
        x = stats[self._x_key]
        for k in keys:
            if k in stats:
                self._data[k].append((x, stats[k]))

        figure = plt.figure()
        axes = figure.add_subplot(111)
        axes.set_xlabel(self._x_key)
        if self._grid:
            axes.grid()
        for k in keys:
            points = self._data[k]
            if not points:
                continue
            points = numpy.array(points)
            axes.plot(points[:, 0], points[:, 1], marker=self._marker,
                      label=k)

        if axes.has_data():
            if self._postprocess is not None:
                self._postprocess(figure, axes, self._summary)
            legend = axes.legend(bbox_to_anchor=(1.05, 1), loc=2,
                                 borderaxespad=0.)
            figure.savefig(os.path.join(trainer.out, self._file_name),
                           bbox_extra_artists=(legend,), bbox_inches='tight')

        plt.close()
        self._init_summary()

    def serialize(self, serializer):
        key = '_plot_{}'.format(self._file_name)
        # The points are stored as one JSON string.
        saving = isinstance(serializer, serializer_module.Serializer)
        if saving:
            serializer(key, json.dumps(self._data))
        else:
            self._data = json.loads(serializer(key, ''))

    def _init_summary(self):
        self._summary = reporter.DictSummary()
