"""Extension evaluating models on a validation set."""
import copy
import datetime
import warnings

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite.dataset import convert
from chainer_lite.dataset import iterator as iterator_module
from chainer_lite import function
from chainer_lite import iterators
from chainer_lite import link
from chainer_lite import reporter as reporter_module
from chainer_lite.training import extension
from chainer_lite.training.extensions import util
from chainer_lite.utils import argument


class Evaluator(extension.Extension):
    """__init__(self, iterator, target, \
converter=convert.concat_examples, device=None, eval_hook=None, \
eval_func=None, *, progress_bar=False)

    Extension evaluating models on a validation dataset.

    Each call sweeps the ``'main'`` iterator once (after ``reset()``) in
    test mode (``chainer.config.train`` False) without building graphs,
    calling ``eval_func`` (the ``'main'`` target by default) on each
    converted batch. The values the targets report are averaged, reported
    to the trainer under the evaluator's name (``'validation/main/loss'``,
    ...) and returned. Called once per epoch by default, with
    ``PRIORITY_WRITER``.

    Override :meth:`evaluate` (or pass ``eval_func``) for other evaluation
    loops.

    Args:
        iterator: Validation iterator (``repeat=False``), or a dict of them.
        target: Link to evaluate, or a dict of links.
        converter: Batch converter.
        device: Device the batches are sent to.
        eval_hook: Called with the evaluator before each evaluation.
        eval_func: Called on each batch; the ``'main'`` target by default.
        progress_bar (bool): Draw a progress bar while evaluating
            (experimental).

    Attributes:
        converter: The converter.
        device: The device.
        eval_hook: The hook.
        eval_func: The evaluation function.
    """

    trigger = 1, 'epoch'
    default_name = 'validation'
    priority = extension.PRIORITY_WRITER

    name = None

    def __init__(self, iterator, target,
                 converter=convert.concat_examples, device=None,
                 eval_hook=None, eval_func=None, **kwargs):
        self._progress_bar, = argument.parse_kwargs(
            kwargs, ('progress_bar', False))

        # A single iterator or link stands for a dict with key 'main'.
        if isinstance(iterator, iterator_module.Iterator):
            iterator = {'main': iterator}
        if isinstance(target, link.Link):
            target = {'main': target}
        self._iterators = iterator
        self._targets = target

        self.converter = converter
        self.device = None if device is None else backend.get_device(device)
        self.eval_hook = eval_hook
        self.eval_func = eval_func

        repeating_types = (iterators.SerialIterator,
                           iterators.MultiprocessIterator,
                           iterators.MultithreadIterator)
        for key, it in iterator.items():
            if (isinstance(it, repeating_types)
                    and getattr(it, 'repeat', False)):
                warnings.warn(
                    'The `repeat` property of the iterator {} '
                    'is set to `True`. Typically, the evaluator sweeps '
                    'over iterators until they stop, '
                    'but as the property being `True`, this iterator '
                    'might not stop and evaluation could go into '
                    'an infinite loop. '
                    'We recommend to check the configuration '
                    'of iterators'.format(key))

    def get_iterator(self, name):
        """Returns the iterator registered under ``name``."""
        return self._iterators[name]

    def get_all_iterators(self):
        """Returns a new dict of all iterators."""
        return dict(self._iterators)

    def get_target(self, name):
        """Returns the target link registered under ``name``."""
        return self._targets[name]

    def get_all_targets(self):
        """Returns a new dict of all target links."""
        return dict(self._targets)

    def __call__(self, trainer=None):
        """Evaluates and reports the mean values.

        It can be called without a trainer; the result is then reported to
        the current reporter, if any.

        Args:
            trainer (~chainer.training.Trainer): The calling trainer.

        Returns:
            dict: The mean of each reported value.
        """
        reporter = reporter_module.Reporter()
        prefix = '' if self.name is None else self.name + '/'
        for name, target in self._targets.items():
            reporter.add_observer(prefix + name, target)
            reporter.add_observers(prefix + name,
                                   target.namedlinks(skipself=True))

        with reporter:
            with configuration.using_config('train', False):
                result = self.evaluate()

        reporter_module.report(result)
        return result

    def evaluate(self):
        """Runs the evaluation loop and returns the mean values.

        The main iterator must stop (raise ``StopIteration``) at the end of
        the dataset. Calls of ``eval_func`` run under
        :func:`~chainer.no_backprop_mode`.

        Returns:
            dict: The mean of each value reported during the loop.
        """
        iterator = self._iterators['main']
        # Without eval_func, the main target is called on each batch.
        run = self.eval_func or self._targets['main']
        if self.eval_hook:
            self.eval_hook(self)

        if hasattr(iterator, 'reset'):
            iterator.reset()
            it = iterator
        else:
            warnings.warn(
                'This iterator does not have the reset method. Evaluator '
                'copies the iterator instead of resetting. This behavior is '
                'deprecated. Please implement the reset method.',
                DeprecationWarning)
            it = copy.copy(iterator)

        summary = reporter_module.DictSummary()
        pbar = _IteratorProgressBar(iterator=it) if self._progress_bar \
            else None

        for batch in it:
            observation = {}
            with reporter_module.report_scope(observation):
                in_arrays = convert._call_converter(
                    self.converter, batch, self.device)
                with function.no_backprop_mode():
                    convert._call_with_batch(run, in_arrays)
            summary.add(observation)
            if pbar is not None:
                pbar.update()

        if pbar is not None:
            pbar.close()
        return summary.compute_mean()

    def finalize(self):
        """Finalizes every iterator."""
        for iterator in self._iterators.values():
            iterator.finalize()


class _IteratorProgressBar(util.ProgressBar):
    # Progress of one sweep over the validation iterator.

    def __init__(self, iterator, bar_length=None, out=None):
        if not (hasattr(iterator, 'current_position') and
                hasattr(iterator, 'epoch_detail')):
            raise TypeError('Iterator must have the following attributes '
                            'to enable a progress bar: '
                            'current_position, epoch_detail')
        self._iterator = iterator
        super().__init__(bar_length=bar_length, out=out)

    def get_lines(self):
        it = self._iterator
        position = it.current_position
        epoch_detail = it.epoch_detail
        # The number of batches is known only for iterators exposing it.
        epoch_size = getattr(it, '_epoch_size', None)

        marks = '#' * int(epoch_detail * self._bar_length)
        lines = ['validation [{}{}] {:6.2%}\n'.format(
            marks, '.' * (self._bar_length - len(marks)), epoch_detail)]
        if epoch_size:
            lines.append('{:10} / {} iterations\n'.format(
                position, epoch_size))
        else:
            lines.append('{:10} iterations\n'.format(position))

        speed_t, speed_e = self.update_speed(position, epoch_detail)
        estimated_time = (1.0 - epoch_detail) / speed_e
        lines.append('{:10.5g} iters/sec. Estimated time to finish: {}.\n'
                     .format(speed_t,
                             datetime.timedelta(seconds=estimated_time)))
        return lines
