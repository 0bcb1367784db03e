"""Reporter: collects values observed during a step; Summary averages them."""
import collections
import contextlib
import copy
import json
import threading
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import configuration
from chainer_lite import variable


_thread_local = threading.local()


def _copy_variable(value):
    # A shallow copy shares the array but drops the creator, so a reported
    # value does not keep the computational graph alive.
    if isinstance(value, variable.Variable):
        return copy.copy(value)
    return value


class Reporter(object):
    """Collects observed values into a dictionary, the *observation*.

    Values may be reported together with an *observer* (any object
    registered under a name with :meth:`add_observer`); their keys are then
    prefixed with that name (``'main/loss'``). A reporter becomes *current*
    inside ``with reporter:`` or :meth:`scope`, and :func:`chainer.report`
    reports to the current one. The :class:`~chainer.training.Trainer`
    registers the model's links as observers, so links can report values
    with ``chainer.report({...}, self)``.

    Unless ``chainer.config.keep_graph_on_report`` is True, reported
    :class:`~chainer.Variable` objects are stored as copies cut from the
    graph.

    Attributes:
        observation (dict): The dictionary values are reported to.

    Example:

        >>> import chainer
        >>> reporter = chainer.Reporter()
        >>> observer = object()
        >>> reporter.add_observer('main', observer)
        >>> observation = {}
        >>> with reporter.scope(observation):
        ...     chainer.report({'x': 1}, observer)
        >>> observation
        {'main/x': 1}
    """

    def __init__(self):
        self._observer_names = {}
        self.observation = {}

    def __enter__(self):
        """Makes this reporter the current one."""
        _get_reporters().append(self)

    def __exit__(self, exc_type, exc_value, traceback):
        """Makes the previous reporter current again."""
        _get_reporters().pop()

    @contextlib.contextmanager
    def scope(self, observation):
        """Returns a context reporting into ``observation`` with this reporter.

        Inside it this reporter is current and its observation dictionary
        is ``observation``.

        Args:
            observation (dict): The dictionary to report into.
        """
        old = self.observation
        self.observation = observation
        self.__enter__()
        try:
            yield
        finally:
            self.__exit__(None, None, None)
            self.observation = old

    def add_observer(self, name, observer):
        """Registers an observer under a name.

        Observers are told apart by identity (``id``), not equality.

        Args:
            name (str): Prefix of the values it reports.
            observer: The observer object.
        """
        self._observer_names[id(observer)] = name

    def add_observers(self, prefix, observers):
        """Registers several observers, their names prefixed by ``prefix``.

        Args:
            prefix (str): Prefix of every name.
            observers: Iterable of ``(name, observer)`` pairs (e.g.
                ``link.namedlinks()``).
        """
        for name, observer in observers:
            self._observer_names[id(observer)] = prefix + name

    def report(self, values, observer=None):
        """Reports values, under the observer's name if given.

        Args:
            values (dict): The observed values.
            observer: A registered observer, or ``None``.

        Raises:
            KeyError: ``observer`` is not registered.
        """
        if not configuration.config.keep_graph_on_report:
            values = {k: _copy_variable(v) for k, v in values.items()}

        if observer is not None:
            observer_id = id(observer)
            if observer_id not in self._observer_names:
                raise KeyError(
                    'Given observer is not registered to the reporter.')
            observer_name = self._observer_names[observer_id]
            for key, value in values.items():
                self.observation['%s/%s' % (observer_name, key)] = value
        else:
            self.observation.update(values)


def _get_reporters():
    try:
        return _thread_local.reporters
    except AttributeError:
        reporters = _thread_local.reporters = []
        return reporters


def get_current_reporter():
    """Returns the current reporter of this thread.

    Raises:
        IndexError: No reporter is current.
    """
    return _get_reporters()[-1]


def report(values, observer=None):
    """Reports values to the current reporter; does nothing without one.

    Args:
        values (dict): The observed values.
        observer: An observer registered to the current reporter; its name
            prefixes the keys.

    Example:

        >>> import chainer
        >>> observation = {}
        >>> with chainer.Reporter().scope(observation):
        ...     chainer.report({'loss': 0.5})
        >>> observation
        {'loss': 0.5}
    """
    reporters = _get_reporters()
    if reporters:
        reporters[-1].report(values, observer)


@contextlib.contextmanager
def report_scope(observation):
    """Returns a context where the current reporter reports to ``observation``.

    Like ``get_current_reporter().scope(observation)`` without making the
    reporter current a second time.

    Args:
        observation (dict): The dictionary to report into.
    """
    current = _get_reporters()[-1]
    old = current.observation
    current.observation = observation
    yield
    current.observation = old


class Summary(object):
    """Running weighted mean and standard deviation of scalars.

    Example:

        >>> from chainer import reporter
        >>> s = reporter.Summary()
        >>> s.add(1.0)
        >>> s.add(3.0)
        >>> s.compute_mean()
        2.0
    """

    def __init__(self):
        self._x = 0.0
        self._x2 = 0.0
        self._n = 0

    def add(self, value, weight=1):
        """Adds a value.

        Args:
            value: A scalar or a 0-dim array (CPU or GPU).
            weight: Its weight, a scalar or 0-dim array (1 by default).
        """
        with backend.using_device(backend.get_device_from_array(value)):
            self._x += weight * value
            self._x2 += weight * value * value
            self._n += weight

    def compute_mean(self):
        """Returns the weighted mean."""
        x, n = self._x, self._n
        with backend.using_device(backend.get_device_from_array(x)):
            return x / n

    def make_statistics(self):
        """Returns the weighted mean and standard deviation.

        Returns:
            tuple: ``(mean, std)``.
        """
        x, n = self._x, self._n
        xp = backend.get_array_module(x)
        with backend.using_device(backend.get_device_from_array(x)):
            mean = x / n
            var = self._x2 / n - mean * mean
            return mean, xp.sqrt(var)

    def serialize(self, serializer):
        """Saves or loads the running sums.

        Loading a snapshot that lacks them only warns.
        """
        try:
            self._x = serializer('_x', self._x)
            self._x2 = serializer('_x2', self._x2)
            self._n = serializer('_n', self._n)
        except KeyError:
            warnings.warn('The previous statistics are not saved.')


def _raw(value):
    # The array of a Variable; other values as they are.
    if isinstance(value, variable.Variable):
        return value.array
    return value


def _is_scalar_like(value):
    # Python and NumPy scalars, and 0-dim arrays.
    return numpy.isscalar(value) or getattr(value, 'ndim', -1) == 0


class DictSummary(object):
    """Running statistics of the scalar entries of a stream of dictionaries.

    Only scalars, 0-dim arrays and Variables holding them are summarized;
    other values are skipped. A ``(value, weight)`` tuple adds a weighted
    value.

    Example:

        >>> import numpy as np
        >>> from chainer import reporter
        >>> s = reporter.DictSummary()
        >>> s.add({'loss': 1.0, 'image': np.zeros((2, 2))})
        >>> s.add({'loss': 2.0})
        >>> s.compute_mean()
        {'loss': 1.5}
    """

    def __init__(self):
        self._summaries = collections.defaultdict(Summary)

    def add(self, d):
        """Adds the scalar entries of a dictionary.

        Args:
            d (dict): Values, or ``(value, weight)`` tuples.

        Raises:
            ValueError: A weight is not a scalar.
        """
        for key, value in d.items():
            weight = 1
            if isinstance(value, tuple):
                value, weight = value[0], _raw(value[1])
                if not _is_scalar_like(weight):
                    raise ValueError(
                        'Given weight to {} was not scalar.'.format(key))
            value = _raw(value)
            # Non-scalar entries (e.g. arrays) are silently skipped.
            if _is_scalar_like(value):
                self._summaries[key].add(value, weight=weight)

    def compute_mean(self):
        """Returns a dictionary of the mean of each entry."""
        return {name: summary.compute_mean()
                for name, summary in self._summaries.items()}

    def make_statistics(self):
        """Returns the mean (``key``) and std (``key.std``) of each entry."""
        stats = {}
        for name, summary in self._summaries.items():
            mean, std = summary.make_statistics()
            stats[name] = mean
            stats[name + '.std'] = std
        return stats

    def serialize(self, serializer):
        """Saves or loads the entries (names stored as a JSON list)."""
        from chainer_lite import serializer as serializer_module
        saving = isinstance(serializer, serializer_module.Serializer)
        if saving:
            names = list(self._summaries)
            serializer('_names', json.dumps(names))
        else:
            self._summaries.clear()
            try:
                names = json.loads(serializer('_names', ''))
            except KeyError:
                warnings.warn('The names of statistics are not saved.')
                return
        # Each entry is stored under _summaries/<its position in names>.
        for position, name in enumerate(names):
            entry = serializer['_summaries'][str(position)]
            self._summaries[name].serialize(entry)
