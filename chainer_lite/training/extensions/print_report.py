"""Extension printing the entries of a LogReport as a table."""
import os
import sys

from chainer_lite.training import extension
from chainer_lite.training.extensions import log_report as log_report_module
from chainer_lite.training.extensions import util


class PrintReport(extension.Extension):
    """Extension printing new :class:`LogReport` entries as table rows.

    The header (the entry names) is printed at the first call; each new
    log entry becomes a row. Columns are at least 10 characters wide and
    two spaces apart; numbers use the ``g`` format, missing values are left
    blank.

    Args:
        entries (list of str): Keys to print, e.g. ``['epoch',
            'main/loss', 'validation/main/accuracy']``.
        log_report (str or LogReport): Name of the LogReport extension
            registered to the trainer, or a LogReport this extension drives
            itself.
        out: Output stream, ``sys.stdout`` by default.

    Example:

        >>> import sys
        >>> from chainer.training import extensions
        >>> report = extensions.PrintReport(
        ...     ['epoch', 'main/loss'], out=sys.stdout)
    """

    def __init__(self, entries, log_report='LogReport', out=sys.stdout):
        self._entries = entries
        self._log_report = log_report
        self._out = out
        self._log_len = 0  # entries printed so far

        widths = [max(10, len(entry)) for entry in entries]
        self._header = '  '.join(
            '{:%d}' % w for w in widths).format(*entries) + '\n'
        self._templates = [
            (entry, '{:<%dg}  ' % w, ' ' * (w + 2))
            for entry, w in zip(entries, widths)]

    def __call__(self, trainer):
        out = self._out
        if self._header:
            out.write(self._header)
            self._header = None

        # A LogReport given by name is run by the trainer; one given as an
        # object is owned by this extension and run here.
        source = self._log_report
        if isinstance(source, str):
            log_report = trainer.get_extension(source)
        elif isinstance(source, log_report_module.LogReport):
            log_report = source
            log_report(trainer)
        else:
            raise TypeError('log report has a wrong type %s' %
                            type(source))

        log = log_report.log
        while len(log) > self._log_len:
            # Clear what a progress bar drew below the cursor.
            if os.name == 'nt':
                util.erase_console(0, 0)
            else:
                out.write('\033[J')
            self._print(log[self._log_len])
            self._log_len += 1

    def serialize(self, serializer):
        if isinstance(self._log_report, log_report_module.LogReport):
            self._log_report.serialize(serializer['_log_report'])

    def _print(self, observation):
        out = self._out
        for entry, template, empty in self._templates:
            if entry in observation:
                out.write(template.format(observation[entry]))
            else:
                out.write(empty)
        out.write('\n')
        if hasattr(out, 'flush'):
            out.flush()
