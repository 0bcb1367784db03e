"""Extension accumulating reported values and writing them as a JSON log."""
import json
import os
import shutil
import tempfile
import warnings

from chainer_lite import reporter
from chainer_lite import serializer as serializer_module
from chainer_lite.training import extension
from chainer_lite.training.trigger import get_trigger
from chainer_lite.utils import argument


class LogReport(extension.Extension):
    """__init__(keys=None, trigger=(1, 'epoch'), postprocess=None, \
filename='log')

    Extension averaging the observations and writing them to a JSON log.

    Called at every iteration, it adds the observation to a
    :class:`~chainer.DictSummary`. Whenever its own ``trigger`` fires (and
    once before training when registered with ``call_before_training``),
    it appends the means, plus ``'epoch'``, ``'iteration'`` and
    ``'elapsed_time'``, to :attr:`log`, rewrites the whole log to the file
    as a JSON list (indented by 4) and starts a new summary.

    Args:
        keys (iterable of str): Keys to accumulate; all when ``None``.
        trigger: When to emit an entry, e.g. ``(1, 'epoch')``.
        postprocess: Called with each entry (a dict) before it is stored;
            it may modify it.
        filename (str): Log file name in the output directory, formatted
            with the entry (e.g. ``'log_{iteration}'``); ``'log'`` when
            ``None``. ``log_name`` is an old alias, and ``log_name=None``
            writes no file.

    Example:

        >>> from chainer.training import extensions
        >>> log = extensions.LogReport(trigger=(100, 'iteration'))
        >>> log.log
        []
    """

    def __init__(self, keys=None, trigger=(1, 'epoch'), postprocess=None,
                 filename=None, **kwargs):
        self._keys = keys
        self._trigger = get_trigger(trigger)
        self._postprocess = postprocess
        self._log = []

        log_name, = argument.parse_kwargs(kwargs, ('log_name', 'log'))
        if filename is None:
            filename = log_name
        self._log_name = filename

        self._init_summary()

    def __call__(self, trainer):
        observation = trainer.observation
        if self._keys is None:
            self._summary.add(observation)
        else:
            self._summary.add({k: observation[k] for k in self._keys
                               if k in observation})

        if not (trainer.is_before_training or self._trigger(trainer)):
            return

        entry = {name: float(value)  # also copies GPU values to the host
                 for name, value in self._summary.compute_mean().items()}
        updater = trainer.updater
        entry['epoch'] = updater.epoch
        entry['iteration'] = updater.iteration
        entry['elapsed_time'] = trainer.elapsed_time
        if self._postprocess is not None:
            self._postprocess(entry)
        self._log.append(entry)

        if self._log_name is not None:
            self._write(trainer.out, self._log_name.format(**entry))
        self._init_summary()

    def _write(self, outdir, log_name):
        # Written in a temporary directory and renamed over the log in one
        # step, so a reader never sees a partial file.
        tmpdir = tempfile.mkdtemp(prefix='tmp' + log_name, dir=outdir)
        try:
            path = os.path.join(tmpdir, 'log.json')
            with open(path, 'w') as f:
                json.dump(self._log, f, indent=4)
            os.replace(path, os.path.join(outdir, log_name))
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)

    @property
    def log(self):
        """The list of entries emitted so far."""
        return self._log

    def serialize(self, serializer):
        if hasattr(self._trigger, 'serialize'):
            self._trigger.serialize(serializer['_trigger'])
        try:
            self._summary.serialize(serializer['_summary'])
        except KeyError:
            warnings.warn('The statistics are not saved.')
        # The log travels as JSON text, as in Chainer's snapshots.
        saving = isinstance(serializer, serializer_module.Serializer)
        if saving:
            serializer('_log', json.dumps(self._log))
        else:
            self._log = json.loads(serializer('_log', ''))

    def _init_summary(self):
        self._summary = reporter.DictSummary()
