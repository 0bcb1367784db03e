"""Function hook measuring CuPy memory-pool use of each function (GPU only)."""
import sys

from chainer_lite.backends import cuda
from chainer_lite import function_hook
from chainer_lite.function_hooks import _util


_cumulative_hook_class = None


def _get_cumulative_hook_class():
    # CuPy's MemoryHook base class exists only once CuPy is imported, which
    # happens lazily: build the subclass on first use.
    global _cumulative_hook_class
    if _cumulative_hook_class is None:
        base = cuda.cupy.cuda.memory_hook.MemoryHook

        class CupyMemoryCumulativeHook(base):
            """CuPy memory hook summing the bytes used and acquired.

            Attributes:
                used_bytes (int): Bytes taken from the memory pool.
                acquired_bytes (int): Bytes the pool took from the device.
            """

            name = 'CupyMemoryCumulativeHook'

            def __init__(self):
                self.used_bytes = 0
                self.acquired_bytes = 0

            def alloc_preprocess(self, **kwargs):
                self.acquired_bytes += kwargs['mem_size']

            def malloc_preprocess(self, **kwargs):
                self.used_bytes += kwargs['mem_size']

        _cumulative_hook_class = CupyMemoryCumulativeHook
    return _cumulative_hook_class


def __getattr__(name):
    if name == 'CupyMemoryCumulativeHook':
        cuda.check_cuda_available()
        return _get_cumulative_hook_class()
    raise AttributeError(
        'module {!r} has no attribute {!r}'.format(__name__, name))


# Byte units and their sizes, the largest first.
_BYTE_UNITS = [(1024.0 ** power, unit) for power, unit in reversed(
    list(enumerate(('B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB'))))]


class CupyMemoryProfileHook(function_hook.FunctionHook):
    """Function hook recording the CuPy memory each function allocates.

    For each call it records the bytes taken from CuPy's memory pool
    (*UsedBytes*) and the bytes the pool had to acquire from the GPU
    (*AcquiredBytes*). It needs CuPy; without it construction raises
    ``RuntimeError`` (there is no memory pool to watch on the CPU).

    Example (on a GPU)::

        hook = CupyMemoryProfileHook()
        with hook:
            trainer.run()
        hook.print_report()

    prints a table such as::

               FunctionName  UsedBytes  AcquiredBytes  Occurrence
             LinearFunction     1.20GB        64.00MB        1200
                       ReLU   512.00MB        32.00MB         800

    Attributes:
        call_history (list): ``(function name, used bytes, acquired bytes,
            nesting depth)`` per call.
    """

    name = 'CupyMemoryProfileHook'

    def __init__(self):
        cuda.check_cuda_available()
        try:
            hook_class = _get_cumulative_hook_class()
        except AttributeError as e:
            raise RuntimeError('CuPy >= 2.0 is required. %s' % str(e))
        self.call_history = []
        self._memory_hook = hook_class()
        self._running_stack = []
        self._total_used_bytes = 0
        self._total_acquired_bytes = 0

    def added(self, function=None):
        self._memory_hook.__enter__()

    def deleted(self, function=None):
        self._memory_hook.__exit__()

    def _counters(self):
        hook = self._memory_hook
        return hook.used_bytes, hook.acquired_bytes

    def _preprocess(self):
        self._running_stack.append(self._counters())

    def forward_preprocess(self, function, in_data):
        self._preprocess()

    def backward_preprocess(self, function, in_data, out_grad):
        self._preprocess()

    def _postprocess(self, function):
        before = self._running_stack.pop()
        used, acquired = [now - then for now, then in
                          zip(self._counters(), before)]
        depth = len(self._running_stack)
        self.call_history.append((function._impl_name, used, acquired,
                                  depth))
        # Nested calls are already inside their caller's figures.
        if not depth:
            self._total_used_bytes += used
            self._total_acquired_bytes += acquired

    def forward_postprocess(self, function, in_data):
        self._postprocess(function)

    def backward_postprocess(self, function, in_data, out_grad):
        self._postprocess(function)

    def total_used_bytes(self):
        """Returns the bytes the outermost calls took from the pool."""
        return self._total_used_bytes

    def total_acquired_bytes(self):
        """Returns the bytes the pool acquired during the outermost calls."""
        return self._total_acquired_bytes

    def summary(self):
        """Returns ``{function name: {'used_bytes', 'acquired_bytes',
        'occurrence'}}`` in first-call order (nested calls are counted in
        their callers too)."""
        return _util.summarize(
            self.call_history, ('used_bytes', 'acquired_bytes'))

    def _choose_unit(self, size):
        # (divisor, unit) of the largest unit in which size is at least 1
        # ('B' for sizes below one byte).
        scale, unit = _util.pick_unit(
            size, [(1 / divisor, name) for divisor, name in _BYTE_UNITS])
        return 1 / scale, unit

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints the memory use of each function as a table.

        Args:
            unit (str): One of ``'B'``, ``'KB'``, ... ``'ZB'``, ``'auto'``
                (units fitting the largest values) or ``'auto_foreach'``
                (units per row).
            file: Output stream.
        """
        summary = self.summary()
        columns = ('used_bytes', 'acquired_bytes')
        if unit == 'auto':
            # One unit per column, fitting its largest value.
            fixed = [self._choose_unit(max(r[c] for r in summary.values()))
                     for c in columns]
        elif unit == 'auto_foreach':
            fixed = None
        else:
            fixed = [(dict((u, d) for d, u in _BYTE_UNITS)[unit], unit)] * 2

        rows = [['FunctionName', 'UsedBytes', 'AcquiredBytes', 'Occurrence']]
        for name, record in summary.items():
            sizes = [record[c] for c in columns]
            units = fixed or [self._choose_unit(size) for size in sizes]
            rows.append(
                [name]
                + ['%3.2f%s' % (size / divisor, shown)
                   for size, (divisor, shown) in zip(sizes, units)]
                + [str(record['occurrence'])])
        _util.print_table(rows, file)
