"""Extension reporting statistics of the parameters of links."""
import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import reporter
from chainer_lite.training import extension
from chainer_lite.training.trigger import get_trigger


_default_statistics = {
    'mean': lambda x: backend.get_array_module(x).mean(x),
    'std': lambda x: backend.get_array_module(x).std(x),
    'min': lambda x: backend.get_array_module(x).min(x),
    'max': lambda x: backend.get_array_module(x).max(x),
    'zeros': lambda x: backend.get_array_module(x).count_nonzero(x == 0),
    'percentile': lambda x: backend.get_array_module(x).percentile(
        x, (0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87))
}


class ParameterStatistics(extension.Extension):
    """Extension reporting statistics of parameters and their gradients.

    At each call every statistic function is applied to each parameter's
    flattened data and/or gradient of the given links; the results are
    averaged until ``trigger`` fires and then reported under keys such as
    ``'<prefix>/<link name>/<param path>/data/mean'``. A function returning
    several values (e.g. percentiles) gets the suffixes ``/0``, ``/1``...

    Args:
        links (~chainer.Link or list of them): Links to observe; each one's
            ``name`` starts its keys.
        statistics (dict or 'default'): Functions by name, each taking a
            1-d array and returning one or several numbers;
            :attr:`default_statistics` (mean, std, min, max, zeros,
            percentile) for ``'default'``.
        report_params (bool): Report statistics of the parameter values.
        report_grads (bool): Report statistics of the gradients.
        prefix (str): Prefix of the keys.
        trigger: When to report, e.g. ``(1, 'epoch')``.
        skip_nan_params (bool): Report NaN without computing the statistics
            for arrays containing NaN.
    """

    default_name = 'parameter_statistics'
    priority = extension.PRIORITY_WRITER

    # The prefix ends with '/' and param_name starts with '/'.
    report_key_template = ('{prefix}{link_name}{param_name}/{attr_name}/'
                           '{function_name}')

    default_statistics = _default_statistics

    def __init__(self, links, statistics='default', report_params=True,
                 report_grads=True, prefix=None, trigger=(1, 'epoch'),
                 skip_nan_params=False):
        self._links = links if isinstance(links, (list, tuple)) else (links,)
        if isinstance(statistics, str) and statistics == 'default':
            statistics = self.default_statistics
        self._statistics = dict(statistics or {})
        # Which arrays of each parameter are observed.
        self._attrs = [attr for attr, wanted in (('data', report_params),
                                                 ('grad', report_grads))
                       if wanted]
        self._prefix = prefix
        self._trigger = get_trigger(trigger)
        self._summary = reporter.DictSummary()
        self._skip_nan_params = skip_nan_params

    def _observed_arrays(self):
        # Yields (link name, parameter path, attribute, flat array).
        for link in self._links:
            link_name = getattr(link, 'name', 'None')
            for param_name, param in link.namedparams():
                for attr in self._attrs:
                    # Statistics see a flat array: no assumption on axes.
                    flat = getattr(param, attr).ravel()
                    yield link_name, param_name, attr, flat

    def _statistics_of(self, flat):
        # Yields (function name, result); NaN results for skipped arrays.
        skip = self._skip_nan_params and bool(
            backend.get_array_module(flat).isnan(flat).any())
        for name, function in self._statistics.items():
            yield name, numpy.nan if skip else function(flat)

    def __call__(self, trainer):
        """Adds the current statistics; reports them when the trigger
        fires."""
        prefix = self._prefix + '/' if self._prefix else ''
        array_types = chainer_lite.get_array_types()
        observed = {}
        for link_name, param_name, attr, flat in self._observed_arrays():
            for function_name, result in self._statistics_of(flat):
                key = self.report_key_template.format(
                    prefix=prefix, link_name=link_name,
                    param_name=param_name, attr_name=attr,
                    function_name=function_name)
                # Several values (e.g. percentiles) get one key each.
                if isinstance(result, array_types) and result.size > 1:
                    observed.update(('{}/{}'.format(key, i), element)
                                    for i, element in enumerate(result))
                else:
                    observed[key] = result

        self._summary.add(observed)
        if self._trigger(trainer):
            reporter.report(self._summary.compute_mean())
            self._summary = reporter.DictSummary()

    def register_statistics(self, name, function):
        """Adds a statistic function.

        Args:
            name (str): Name used in the keys.
            function: Takes a 1-d array, returns one or several numbers.
        """
        self._statistics[name] = function
