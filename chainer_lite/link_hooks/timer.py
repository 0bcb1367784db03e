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
        # One entry per forward call in progress (calls nest).
        self._running_stack = []
        self._depth = 0
        self._total_time = 0

    def forward_preprocess(self, args):
        self.xp = args.link.xp
        if self.xp is numpy:
            self._running_stack.append(time.perf_counter())
        else:
            # CUDA events measure the device time of the queued kernels.
            events = cuda.Event(), cuda.Event()
            events[0].record()
            self._running_stack.append(events)
        self._depth += 1

    def forward_postprocess(self, args):
        link = args.link
        assert link.xp == self.xp
        seconds = self._stop_clock(self._running_stack.pop())
        self.call_history.append((type(link).__name__, seconds))
        assert self._depth > 0
        self._depth -= 1
        if self._depth == 0:  # only outermost calls count in the total
            self._total_time += seconds

    def _stop_clock(self, started):
        if self.xp is numpy:
            return time.perf_counter() - started
        start, stop = started
        stop.record()
        stop.synchronize()
        return cuda.cupy.cuda.get_elapsed_time(start, stop) / 1000  # ms

    def total_time(self):
        """Returns the total time of the outermost calls, in seconds."""
        return self._total_time

    def summary(self):
        """Returns the total time and the number of calls of each link class.

        Returns:
            collections.OrderedDict: Maps each link class name to
            ``{'elapsed_time': seconds, 'occurrence': calls}``.
        """
        totals = collections.OrderedDict()
        for link_name, seconds in self.call_history:
            if link_name not in totals:
                totals[link_name] = {'elapsed_time': 0, 'occurrence': 0}
            totals[link_name]['elapsed_time'] += seconds
            totals[link_name]['occurrence'] += 1
        return totals

    def _choose_unit(self, second):
        # The largest unit in which the time reads at least 1 (else ns).
        for unit, factor in (('sec', 1.0), ('ms', 1e3), ('us', 1e6)):
            if second * factor >= 1:
                return factor, unit
        return 1e9, 'ns'

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints a table of the time spent in each link class.

        Args:
            unit (str): Time unit: ``'sec'``, ``'ms'``, ``'us'``, ``'ns'``,
                ``'auto'`` (one unit fitting the largest time) or
                ``'auto_foreach'`` (a unit per row).
            file: Output stream.
        """
        totals = self.summary()
        if unit == 'auto':
            fixed = self._choose_unit(
                max(t['elapsed_time'] for t in totals.values()))
        elif unit != 'auto_foreach':
            fixed = self.table[unit], unit
        rows = [('LinkName', 'ElapsedTime', 'Occurrence')]
        for link_name, t in totals.items():
            seconds = t['elapsed_time']
            factor, shown_unit = (self._choose_unit(seconds)
                                  if unit == 'auto_foreach' else fixed)
            rows.append((link_name, '%3.2f%s' % (seconds * factor, shown_unit),
                         str(t['occurrence'])))
        # Right-aligned columns, two spaces apart.
        widths = [max(len(cell) for cell in column) for column in zip(*rows)]
        line = '  '.join('{:>%d}' % width for width in widths)
        for row in rows:
            file.write(line.format(*row))
            file.write('\n')
        file.flush()
