"""Extension reporting statistics of the parameters of links."""
import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite import reporter
from chainer_lite.training import extension
from chainer_lite.training import trigger as trigger_module


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

    def __init__(self, links, statistics='default',
                 report_params=True, report_grads=True, prefix=None,
                 trigger=(1, 'epoch'), skip_nan_params=False):
        if not isinstance(links, (list, tuple)):
            links = links,
        self._links = links

        if statistics is None:
            statistics = {}
        elif statistics == 'default':
            statistics = self.default_statistics
        self._statistics = dict(statistics)

        self._attrs = []
        if report_params:
            self._attrs.append('data')
        if report_grads:
            self._attrs.append('grad')

        self._prefix = prefix
        self._trigger = trigger_module.get_trigger(trigger)
        self._summary = reporter.DictSummary()
        self._skip_nan_params = skip_nan_params

    def __call__(self, trainer):
        """Adds the current statistics; reports them when the trigger
        fires."""
        statistics = {}
        prefix = self._prefix + '/' if self._prefix else ''
        for link in self._links:
            link_name = getattr(link, 'name', 'None')
            for param_name, param in link.namedparams():
                for attr_name in self._attrs:
                    # Statistics see a flat array: no assumption on axes.
                    values = getattr(param, attr_name).ravel()
                    xp = backend.get_array_module(values)
                    has_nan = (self._skip_nan_params
                               and bool(xp.isnan(values).any()))
                    for function_name, function in self._statistics.items():
                        if has_nan:
                            value = numpy.nan
                        else:
                            value = function(values)
                        key = self.report_key_template.format(
                            prefix=prefix, link_name=link_name,
                            param_name=param_name, attr_name=attr_name,
                            function_name=function_name)
                        if (isinstance(value, chainer_lite.get_array_types())
                                and value.size > 1):
                            for i, v in enumerate(value):
                                statistics['{}/{}'.format(key, i)] = v
                        else:
                            statistics[key] = value

        self._summary.add(statistics)
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
