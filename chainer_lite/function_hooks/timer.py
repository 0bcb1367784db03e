"""Function hook measuring the time spent in each function."""
import sys
import time

import numpy

from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import function_hook
from chainer_lite.function_hooks import _util


_get_time = time.perf_counter

_UNITS = ('sec', 'ms', 'us', 'ns')


class TimerHook(function_hook.FunctionHook):
    """Function hook recording the elapsed time of each function call.

    On the GPU the time is measured with CUDA events (so it is the device
    time). A function called inside another one's forward or backward is
    timed on its own too, but :meth:`total_time` counts only the outermost
    calls.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> from chainer.function_hooks import TimerHook
        >>> hook = TimerHook()
        >>> with hook:
        ...     y = F.relu(chainer.Variable(np.ones(3, np.float32)))
        >>> [name for name, _ in hook.call_history]
        ['ReLU']

    ``hook.print_report()`` then prints a table such as::

                   FunctionName  ElapsedTime  Occurrence
                 LinearFunction      1.24sec        3900
                           ReLU      0.59sec        2600

    Attributes:
        call_history (list): ``(function name, seconds)`` per call.
    """

    name = 'TimerHook'
    # Multipliers from seconds to each unit.
    table = {unit: 1000 ** i for i, unit in enumerate(_UNITS)}

    def __init__(self):
        self.call_history = []
        self._running_stack = []
        self._depth = 0
        self._total_time = 0

    def _preprocess(self):
        if self.xp is numpy:
            self._running_stack.append(_get_time())
        else:
            start = cuda.Event()
            stop = cuda.Event()
            start.record()
            self._running_stack.append((start, stop))
        self._depth += 1

    def forward_preprocess(self, function, in_data):
        self.xp = backend.get_array_module(*in_data)
        self._preprocess()

    def backward_preprocess(self, function, in_data, out_grad):
        self.xp = backend.get_array_module(*in_data, *out_grad)
        self._preprocess()

    def _stop_clock(self):
        started = self._running_stack.pop()
        if self.xp is numpy:
            return _get_time() - started
        start, stop = started
        stop.record()
        stop.synchronize()
        # get_elapsed_time answers in milliseconds.
        return cuda.cupy.cuda.get_elapsed_time(start, stop) / 1000

    def _postprocess(self, function):
        seconds = self._stop_clock()
        self.call_history.append((function._impl_name, seconds))
        assert self._depth > 0
        self._depth -= 1
        # Nested calls are already inside their caller's time.
        if not self._depth:
            self._total_time += seconds

    def forward_postprocess(self, function, in_data):
        assert backend.get_array_module(*in_data) is self.xp
        self._postprocess(function)

    def backward_postprocess(self, function, in_data, out_grad):
        assert backend.get_array_module(*in_data, *out_grad) is self.xp
        self._postprocess(function)

    def total_time(self):
        """Returns the total seconds spent in the outermost calls."""
        return self._total_time

    def summary(self):
        """Returns ``{function name: {'elapsed_time': s, 'occurrence': n}}``.
        """
        return _util.summarize(self.call_history, ('elapsed_time',))

    def _choose_unit(self, second):
        # The largest unit in which the time is at least 1.
        return _util.pick_unit(
            second, [(float(self.table[u]), u) for u in _UNITS])

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints the time of each function as a table.

        Args:
            unit (str): ``'sec'``, ``'ms'``, ``'us'``, ``'ns'``, ``'auto'``
                (one unit fitting the largest time) or ``'auto_foreach'``
                (a unit per row).
            file: Output stream.
        """
        summary = self.summary()
        if unit == 'auto':
            longest = max(r['elapsed_time'] for r in summary.values())
            fixed = self._choose_unit(longest)
        elif unit == 'auto_foreach':
            fixed = None
        else:
            fixed = self.table[unit], unit

        rows = [['FunctionName', 'ElapsedTime', 'Occurrence']]
        for name, record in summary.items():
            seconds = record['elapsed_time']
            scale, shown = fixed or self._choose_unit(seconds)
            rows.append([name, '%3.2f%s' % (seconds * scale, shown),
                         str(record['occurrence'])])
        _util.print_table(rows, file)
