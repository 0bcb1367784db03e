"""TimerHook: measures the time spent in the forward pass of links."""
import collections
import sys
import time

import numpy

from chainer_lite.backends import cuda
from chainer_lite import link_hook


class TimerHook(link_hook.LinkHook):
    """Link hook recording how long the forward pass of each link takes.

    On GPU the time is measured with CUDA events. Calls nest (a chain's
    forward includes its children's), so the per-link times may overlap;
    :meth:`total_time` only adds the outermost calls.

    Attributes:
        call_history: List of ``(link class name, seconds)`` pairs, one per
            call.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> from chainer.link_hooks import TimerHook
        >>> layer = L.Linear(3, 2)
        >>> with TimerHook() as hook:
        ...     _ = layer(np.zeros((1, 3), np.float32))
        >>> [name for name, _ in hook.call_history]
        ['Linear']
        >>> hook.summary()['Linear']['occurrence']
        1
    """

    name = 'TimerHook'
    table = {'sec': 1, 'ms': 10 ** 3, 'us': 10 ** 6, 'ns': 10 ** 9}

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._depth = 0
        self._total_time = 0

    def _preprocess(self):
        if self.xp is numpy:
            self._running_stack.append(time.perf_counter())
        else:
            start = cuda.Event()
            stop = cuda.Event()
            start.record()
            self._running_stack.append((start, stop))
        self._depth += 1

    def forward_preprocess(self, args):
        self.xp = args.link.xp
        self._preprocess()

    def _postprocess(self, link):
        if self.xp is numpy:
            elapsed_time = time.perf_counter() - self._running_stack.pop()
        else:
            start, stop = self._running_stack.pop()
            stop.record()
            stop.synchronize()
            # get_elapsed_time returns milliseconds.
            elapsed_time = cuda.cupy.cuda.get_elapsed_time(start, stop) / 1000
        self.call_history.append((link.__class__.__name__, elapsed_time))
        assert self._depth > 0
        self._depth -= 1
        if self._depth == 0:
            self._total_time += elapsed_time

    def forward_postprocess(self, args):
        link = args.link
        assert link.xp == self.xp
        self._postprocess(link)

    def total_time(self):
        """Returns the total time of the outermost calls, in seconds."""
        return self._total_time

    def summary(self):
        """Returns the total time and the number of calls of each link class.

        Returns:
            collections.OrderedDict: Maps each link class name to
            ``{'elapsed_time': seconds, 'occurrence': calls}``.
        """
        summary = collections.OrderedDict()
        for link_name, elapsed_time in self.call_history:
            record = summary.setdefault(
                link_name, {'elapsed_time': 0, 'occurrence': 0})
            record['elapsed_time'] += elapsed_time
            record['occurrence'] += 1
        return summary

    def _choose_unit(self, second):
        factor = 1
        for unit in ['sec', 'ms', 'us']:
            if second * factor >= 1:
                return factor, unit
            factor *= 1000.0
        return factor, 'ns'

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints a table of the time spent in each link class.

        Args:
            unit (str): Time unit: ``'sec'``, ``'ms'``, ``'us'``, ``'ns'``,
                ``'auto'`` (one unit fitting the largest time) or
                ``'auto_foreach'`` (a unit per row).
            file: Output stream.
        """
        entries = [['LinkName', 'ElapsedTime', 'Occurrence']]
        auto_foreach = (unit == 'auto_foreach')
        if unit == 'auto':
            max_time = max(
                record['elapsed_time'] for record in self.summary().values())
            factor, unit = self._choose_unit(max_time)
        elif not auto_foreach:
            factor = self.table[unit]
        for link_name, record in self.summary().items():
            second = record['elapsed_time']
            if auto_foreach:
                factor, unit = self._choose_unit(second)
            elapsed_time = '%3.2f%s' % (second * factor, unit)
            entries.append([link_name, elapsed_time,
                            str(record['occurrence'])])
        widths = [max(len(row[i]) for row in entries) for i in range(3)]
        template = '  '.join('{:>%d}' % w for w in widths)
        for row in entries:
            file.write(template.format(*row))
            file.write('\n')
        file.flush()
