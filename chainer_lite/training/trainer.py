"""The standard training loop."""
import collections
import os
import sys
import time
import traceback

from chainer_lite import reporter as reporter_module
from chainer_lite import serializer as serializer_module
from chainer_lite.training import extension as extension_module
from chainer_lite.training import trigger as trigger_module
from chainer_lite.utils import argument


_get_time = time.perf_counter


class _ExtensionEntry(object):

    def __init__(self, extension, priority, trigger, call_before_training):
        self.extension = extension
        self.trigger = trigger
        self.priority = priority
        self.call_before_training = call_before_training


class Trainer(object):
    """The standard training loop.

    Each iteration of :meth:`run` calls ``updater.update()`` (fetch a batch,
    forward, backward, update the parameters) and then every registered
    extension whose trigger fires, highest priority first (extensions of
    equal priority in registration order). The loop ends when
    ``stop_trigger`` fires.

    The trainer's reporter has each optimizer's target registered as an
    observer under the optimizer's name (``'main'``), and its child links
    under ``'main/<path>'``; every iteration reports into a fresh
    :attr:`observation` dictionary.

    The trainer supports the serialization protocol: ``save_npz`` /
    ``load_npz`` (or the :func:`~chainer.training.extensions.snapshot`
    extension) store and restore the updater (iterators, optimizers, models,
    iteration), the stop trigger, the extensions and their triggers, and the
    elapsed time. Objects must be constructed as before loading; settings
    such as the stop trigger may differ, e.g. to train longer.

    Args:
        updater (~chainer.training.Updater): The updater.
        stop_trigger: When to stop; a tuple such as ``(20, 'epoch')`` is
            passed to :class:`~chainer.training.triggers.IntervalTrigger`.
            ``None`` never stops.
        out (str): Output directory (created by :meth:`run`).
        extensions (list): Extensions to register.

    Attributes:
        updater: The updater.
        stop_trigger: The stop trigger.
        observation (dict): Values reported in the current iteration.
        out (str): Output directory.
        reporter (~chainer.Reporter): The reporter.

    Example:

        >>> import tempfile
        >>> import numpy as np
        >>> import chainer
        >>> import chainer.links as L
        >>> from chainer import training
        >>> x = np.random.rand(20, 3).astype(np.float32)
        >>> t = (x.sum(axis=1) > 1.5).astype(np.int32)
        >>> data = chainer.datasets.TupleDataset(x, t)
        >>> it = chainer.iterators.SerialIterator(data, 5)
        >>> model = L.Classifier(L.Linear(3, 2))
        >>> opt = chainer.optimizers.SGD().setup(model)
        >>> updater = training.updaters.StandardUpdater(it, opt)
        >>> trainer = training.Trainer(
        ...     updater, (2, 'epoch'), out=tempfile.mkdtemp())
        >>> trainer.run()
        >>> updater.iteration
        8
    """

    def __init__(self, updater, stop_trigger=None, out='result',
                 extensions=None):
        self.updater = updater
        self.stop_trigger = trigger_module.get_trigger(stop_trigger)
        self.observation = {}
        self.out = out

        reporter = reporter_module.Reporter()
        for name, optimizer in updater.get_all_optimizers().items():
            reporter.add_observer(name, optimizer.target)
            reporter.add_observers(
                name, optimizer.target.namedlinks(skipself=True))
        self.reporter = reporter

        self._done = False
        self._extensions = collections.OrderedDict()

        self._start_at = None
        self._snapshot_elapsed_time = 0.0
        self._final_elapsed_time = None

        updater.connect_trainer(self)
        for ext in extensions or []:
            self.extend(ext)

    @property
    def is_before_training(self):
        """``True`` until the first update has been made."""
        return self.updater.iteration == 0

    @property
    def elapsed_time(self):
        """Seconds spent in training, including the time before a resume.

        Raises:
            RuntimeError: Training has not been started.
        """
        if self._done:
            return self._final_elapsed_time
        if self._start_at is None:
            raise RuntimeError('training has not been started yet')
        return _get_time() - self._start_at + self._snapshot_elapsed_time

    def extend(self, extension, name=None, trigger=None, priority=None,
               *, call_before_training=False, **kwargs):
        """Registers an extension.

        A name taken already gets the suffix ``_1``, ``_2``... The final
        name is stored in ``extension.name``.

        Args:
            extension: The extension (any callable taking the trainer).
            name (str): Its name; by default ``extension.name``, then
                ``extension.default_name``, then ``extension.__name__``.
            trigger: When to call it; by default ``extension.trigger`` or
                ``(1, 'iteration')``. A tuple is passed to
                :class:`~chainer.training.triggers.IntervalTrigger`.
            priority (int): Call order (higher first); by default
                ``extension.priority`` or ``PRIORITY_READER``.
            call_before_training (bool): Also call it once before the first
                update.
        """
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs,
                invoke_before_training=extension_module.
                _REMOVED_INVOKE_BEFORE_TRAINING)
            argument.assert_kwargs_empty(kwargs)

        if name is None:
            for attr in ('name', 'default_name', '__name__'):
                name = getattr(extension, attr, None)
                if name is not None:
                    break
            else:
                raise TypeError('name is not given for the extension')
        if name == 'training':
            raise ValueError(
                'the name "training" is prohibited as an extension name')

        if trigger is None:
            trigger = getattr(extension, 'trigger', (1, 'iteration'))
        trigger = trigger_module.get_trigger(trigger)

        if priority is None:
            priority = getattr(
                extension, 'priority', extension_module.PRIORITY_READER)

        unique_name = name
        ordinal = 0
        while unique_name in self._extensions:
            ordinal += 1
            unique_name = '%s_%d' % (name, ordinal)

        extension.name = unique_name
        self._extensions[unique_name] = _ExtensionEntry(
            extension, priority, trigger, call_before_training)

    def get_extension(self, name):
        """Returns the extension registered under ``name``.

        Raises:
            ValueError: No such extension.
        """
        if name in self._extensions:
            return self._extensions[name].extension
        raise ValueError('extension %s not found' % name)

    def run(self, show_loop_exception_msg=True):
        """Runs the training loop until the stop trigger fires.

        On an exception every extension's ``on_error`` is called, then (as
        after a normal end) every ``finalize`` and the updater's
        ``finalize``; the exception is re-raised.

        Args:
            show_loop_exception_msg (bool): Print the exception and its
                traceback to stderr before finalizing (so a finalizer that
                hangs does not hide it).

        Raises:
            RuntimeError: The loop was already run.
        """
        if self._done:
            raise RuntimeError('cannot run training loop multiple times')

        os.makedirs(self.out, exist_ok=True)

        # sorted() is stable: equal priorities keep registration order.
        entries = sorted(self._extensions.values(),
                         key=lambda entry: entry.priority, reverse=True)

        self._start_at = _get_time()

        for entry in entries:
            initializer = getattr(entry.extension, 'initialize', None)
            finished = getattr(entry.trigger, 'finished', False)
            if initializer and not finished:
                initializer(self)

        update = self.updater.update
        reporter = self.reporter
        stop_trigger = self.stop_trigger

        if self.is_before_training:
            self.observation = {}
            with reporter.scope(self.observation):
                for entry in entries:
                    if entry.call_before_training:
                        entry.extension(self)

        try:
            while not stop_trigger(self):
                self.observation = {}
                with reporter.scope(self.observation):
                    update()
                    for entry in entries:
                        if entry.trigger(self):
                            entry.extension(self)
        except Exception as e:
            if show_loop_exception_msg:
                sys.stderr.write(
                    'Exception in main training loop: {}\n'.format(e))
                sys.stderr.write('Traceback (most recent call last):\n')
                traceback.print_tb(e.__traceback__)
                sys.stderr.write(
                    'Will finalize trainer extensions and updater before '
                    'reraising the exception.\n')
            for entry in entries:
                handler = getattr(entry.extension, 'on_error', None)
                if not handler:
                    continue
                # Every handler runs; what one raises is only reported.
                try:
                    handler(self, e, e.__traceback__)
                except Exception as he:
                    sys.stderr.write(
                        'Exception in error handler: {}\n'.format(he))
                    sys.stderr.write('Traceback (most recent call last):\n')
                    traceback.print_tb(he.__traceback__)
            raise
        finally:
            for entry in entries:
                finalize = getattr(entry.extension, 'finalize', None)
                if finalize:
                    finalize()
            self.updater.finalize()

        self._final_elapsed_time = self.elapsed_time
        self._done = True

    def serialize(self, serializer):
        self.updater.serialize(serializer['updater'])
        if hasattr(self.stop_trigger, 'serialize'):
            self.stop_trigger.serialize(serializer['stop_trigger'])

        extensions = serializer['extensions']
        triggers = serializer['extension_triggers']
        for name, entry in self._extensions.items():
            if hasattr(entry.extension, 'serialize'):
                entry.extension.serialize(extensions[name])
            if hasattr(entry.trigger, 'serialize'):
                entry.trigger.serialize(triggers[name])

        if isinstance(serializer, serializer_module.Serializer):
            serializer('_snapshot_elapsed_time', self.elapsed_time)
        else:
            self._snapshot_elapsed_time = serializer(
                '_snapshot_elapsed_time', 0.0)
