"""Function hook printing the inputs (and gradients) of each function."""
import sys
import warnings

from chainer_lite import backend
from chainer_lite import function_hook
from chainer_lite import variable


class PrintHook(function_hook.FunctionHook):
    """Function hook printing debug information before each function runs.

    Before a forward it prints the function's label and a summary
    (``Variable.debug_print()``) of each input; before a backward, also of
    each output gradient. Inputs freed by the function appear as
    ``(removed)``.

    Args:
        sep: Ignored (deprecated since v4).
        end (str): Appended to each printed line.
        file: Output stream, ``sys.stdout`` by default.
        flush (bool): Flush the stream after each function.

    Example:

        >>> import io
        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> out = io.StringIO()
        >>> with chainer.function_hooks.PrintHook(file=out):
        ...     y = F.relu(chainer.Variable(np.ones(2, np.float32)))
        >>> out.getvalue().splitlines()[0]
        'function\\tReLU'
    """

    name = 'PrintHook'

    def __init__(self, sep=None, end='\n', file=sys.stdout, flush=True):
        if sep is not None:
            warnings.warn('sep argument in chainer.function_hooks.PrintHook '
                          'is deprecated.', DeprecationWarning)
        self.sep = sep
        self.end = end
        self.file = file
        self.flush = flush

    def _print(self, msg):
        self.file.write(msg + self.end)

    def _process(self, function, in_data, out_grad=None):
        self._print('function\t{}'.format(function.label))
        self._print('input data')
        for d in in_data:
            if d is None:
                self._print('(removed)')
                continue
            self._print(variable.Variable(d).debug_print())
        if out_grad is not None:
            self._print('output gradient')
            for d in out_grad:
                if d is None:
                    v = variable.Variable()
                else:
                    # A stand-in variable whose gradient is the output
                    # gradient, for debug_print's summary of it.
                    zeros = backend.get_array_module(d).zeros_like(d)
                    v = variable.Variable(zeros)
                    v.grad = d
                self._print(v.debug_print())
        if self.flush and hasattr(self.file, 'flush'):
            self.file.flush()

    def forward_preprocess(self, function, in_data):
        self._process(function, in_data)

    def backward_preprocess(self, function, in_data, out_grad):
        self._process(function, in_data, out_grad)
