"""The standard training loop."""
import collections
import itertools
import os
import sys
import time
import traceback

from chainer_lite import reporter as reporter_module
from chainer_lite import serializer as serializer_module
from chainer_lite.training import extension as extension_module
from chainer_lite.training.trigger import get_trigger
from chainer_lite.utils import argument


_now = time.perf_counter


class _Registration(object):
    # An extension together with the settings it was registered with.

    def __init__(self, extension, trigger, priority, before_training):
        self.extension = extension
        self.trigger = trigger
        self.priority = priority
        self.before_training = before_training

    def hook(self, name):
        # The optional method `name` of the extension, or None.
        return getattr(self.extension, name, None) or None


def _serialize_child(obj, serializer, key):
    # Objects without a serialize method (e.g. plain functions) are skipped.
    if hasattr(obj, 'serialize'):
        obj.serialize(serializer[key])


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
        stop_trigger: When to stop: a trigger object, a tuple such as
            ``(20, 'epoch')`` meaning "after 20 epochs", or ``None`` to run
            until interrupted.
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
        self.stop_trigger = get_trigger(stop_trigger)
        self.observation = {}
        self.out = out

        self.reporter = reporter_module.Reporter()
        for prefix, optimizer in updater.get_all_optimizers().items():
            model = optimizer.target
            self.reporter.add_observer(prefix, model)
            self.reporter.add_observers(
                prefix, model.namedlinks(skipself=True))

        self._done = False
        self._extensions = collections.OrderedDict()
        # Elapsed time: the clock reading at run(), the time restored from a
        # snapshot, and the total frozen when the loop ends.
        self._clock_start = None
        self._elapsed_before = 0.0
        self._elapsed_total = None

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
            return self._elapsed_total
        if self._clock_start is None:
            raise RuntimeError('training has not been started yet')
        return self._elapsed_before + (_now() - self._clock_start)

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
                ``(1, 'iteration')``. Tuples mean intervals, as for
                ``stop_trigger``.
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

        defaults = {'trigger': (1, 'iteration'),
                    'priority': extension_module.PRIORITY_READER}
        if trigger is None:
            trigger = getattr(extension, 'trigger', defaults['trigger'])
        trigger = get_trigger(trigger)
        if priority is None:
            priority = getattr(extension, 'priority', defaults['priority'])

        candidates = itertools.chain(
            [name], ('%s_%d' % (name, k) for k in itertools.count(1)))
        extension.name = next(
            c for c in candidates if c not in self._extensions)
        self._extensions[extension.name] = _Registration(
            extension, trigger, priority, call_before_training)

    def get_extension(self, name):
        """Returns the extension registered under ``name``.

        Raises:
            ValueError: No such extension.
        """
        try:
            return self._extensions[name].extension
        except KeyError:
            raise ValueError('extension %s not found' % name) from None

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
        ordered = sorted(self._extensions.values(),
                         key=lambda reg: -reg.priority)

        self._clock_start = _now()

        # Extensions whose trigger has already finished (e.g. after a
        # resume) are not initialized.
        for reg in ordered:
            init = reg.hook('initialize')
            if init is not None and not getattr(reg.trigger, 'finished',
                                                False):
                init(self)

        def step(do_update, chosen):
            self.observation = {}
            with self.reporter.scope(self.observation):
                if do_update:
                    self.updater.update()
                for reg in chosen():
                    reg.extension(self)

        if self.is_before_training:
            step(False, lambda: [r for r in ordered if r.before_training])

        try:
            while not self.stop_trigger(self):
                # Triggers are evaluated after the update, one by one.
                step(True, lambda: (r for r in ordered if r.trigger(self)))
        except Exception as e:
            if show_loop_exception_msg:
                sys.stderr.write(
                    'Exception in main training loop: {}\n'.format(e))
                sys.stderr.write('Traceback (most recent call last):\n')
                traceback.print_tb(e.__traceback__)
                sys.stderr.write(
                    'Will finalize trainer extensions and updater before '
                    'reraising the exception.\n')
            for reg in ordered:
                on_error = reg.hook('on_error')
                if on_error is None:
                    continue
                # Every handler runs; what one raises is only reported.
                try:
                    on_error(self, e, e.__traceback__)
                except Exception as he:
                    sys.stderr.write(
                        'Exception in error handler: {}\n'.format(he))
                    sys.stderr.write('Traceback (most recent call last):\n')
                    traceback.print_tb(he.__traceback__)
            raise
        finally:
            for reg in ordered:
                fin = reg.hook('finalize')
                if fin is not None:
                    fin()
            self.updater.finalize()

        self._elapsed_total = self.elapsed_time
        self._done = True

    def serialize(self, serializer):
        self.updater.serialize(serializer['updater'])
        _serialize_child(self.stop_trigger, serializer, 'stop_trigger')
        ext_group = serializer['extensions']
        trig_group = serializer['extension_triggers']
        for name, reg in self._extensions.items():
            _serialize_child(reg.extension, ext_group, name)
            _serialize_child(reg.trigger, trig_group, name)

        # Saving stores the elapsed time so far; loading restores it as the
        # offset of the next run.
        saving = isinstance(serializer, serializer_module.Serializer)
        value = serializer('_snapshot_elapsed_time',
                           self.elapsed_time if saving else 0.0)
        if not saving:
            self._elapsed_before = value
