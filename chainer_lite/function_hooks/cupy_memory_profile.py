"""Function hook measuring CuPy memory-pool use of each function (GPU only)."""
import collections
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
             LinearFunction     5.16GB       179.98MB        3900
                       ReLU     0.99GB       458.97MB        2600

    Attributes:
        call_history (list): ``(function name, used bytes, acquired bytes,
            nesting depth)`` per call.
    """

    name = 'CupyMemoryProfileHook'
    _units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB']
    _table = {u: 1024.0 ** i for i, u in enumerate(_units)}

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

    def _preprocess(self):
        self._running_stack.append((self._memory_hook.used_bytes,
                                    self._memory_hook.acquired_bytes))

    def forward_preprocess(self, function, in_data):
        self._preprocess()

    def backward_preprocess(self, function, in_data, out_grad):
        self._preprocess()

    def _postprocess(self, function):
        start_used, start_acquired = self._running_stack.pop()
        used_bytes = self._memory_hook.used_bytes - start_used
        acquired_bytes = self._memory_hook.acquired_bytes - start_acquired
        depth = len(self._running_stack)
        self.call_history.append(
            (function._impl_name, used_bytes, acquired_bytes, depth))
        if depth == 0:
            self._total_used_bytes += used_bytes
            self._total_acquired_bytes += acquired_bytes

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
        summary = collections.OrderedDict()
        for name, used_bytes, acquired_bytes, _ in self.call_history:
            record = summary.setdefault(
                name, {'used_bytes': 0, 'acquired_bytes': 0, 'occurrence': 0})
            record['used_bytes'] += used_bytes
            record['acquired_bytes'] += acquired_bytes
            record['occurrence'] += 1
        return summary

    def _choose_unit(self, size):
        # (divisor, unit) of the largest unit in which size is at least 1.
        denomi = 1.0
        if size <= 0:
            return denomi, self._units[0]
        for unit in self._units[:-1]:
            if size / (denomi * 1024) < 1:
                return denomi, unit
            denomi *= 1024
        return denomi, self._units[-1]

    def print_report(self, unit='auto', file=sys.stdout):
        """Prints the memory use of each function as a table.

        Args:
            unit (str): One of ``'B'``, ``'KB'``, ... ``'ZB'``, ``'auto'``
                (units fitting the largest values) or ``'auto_foreach'``
                (units per row).
            file: Output stream.
        """
        summary = self.summary()
        if unit == 'auto':
            denomi_used, unit_used = self._choose_unit(
                max(r['used_bytes'] for r in summary.values()))
            denomi_acquired, unit_acquired = self._choose_unit(
                max(r['acquired_bytes'] for r in summary.values()))
        elif unit != 'auto_foreach':
            denomi_used = denomi_acquired = self._table[unit]
            unit_used = unit_acquired = unit
        rows = [['FunctionName', 'UsedBytes', 'AcquiredBytes', 'Occurrence']]
        for name, record in summary.items():
            used_bytes = record['used_bytes']
            acquired_bytes = record['acquired_bytes']
            if unit == 'auto_foreach':
                denomi_used, unit_used = self._choose_unit(used_bytes)
                denomi_acquired, unit_acquired = self._choose_unit(
                    acquired_bytes)
            rows.append([
                name,
                '%3.2f%s' % (used_bytes / denomi_used, unit_used),
                '%3.2f%s' % (acquired_bytes / denomi_acquired, unit_acquired),
                str(record['occurrence'])])
        _util.print_table(rows, file)
