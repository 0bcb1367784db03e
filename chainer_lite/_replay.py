"""Replays Python REPL transcripts of Chainer sessions and reports what differs.

Used by ``python -m chainer_lite replay FILE...``; built on :mod:`doctest`.

A transcript is read the way :mod:`doctest` reads a docstring: a ``>>> ``
line and the ``... `` lines after it form one statement, and the lines that
follow, up to the next prompt or blank line, are its expected output. A bare
``>>>`` is a no-op; prose, ``#`` comment lines and blank lines between
statements are ignored. Each file runs in a fresh ``__main__`` namespace with
the ``chainer`` alias installed and NumPy printing as NumPy 1.25 did, so
``x.grad[0]`` shows ``8.0`` rather than ``np.float64(8.0)``.

Expected and actual output are compared by :class:`TranscriptChecker`, whose
rules let transcripts written with old Chainer and NumPy versions match:

* ``chainer_lite`` in the output reads as ``chainer``; object addresses
  (``at 0x7f...``) are ignored; NumPy 2 scalar reprs (``np.float32(0.5)``,
  ``np.True_``) read as the bare value.
* Inside brackets whitespace is insignificant apart from separating two
  values: ``array([ 16.])`` equals ``array([16.])`` and an array wrapped over
  several lines equals the same array on one line. Outside brackets each line
  is compared without its trailing whitespace.
* Integers must be equal. Floats (``1.``, ``0.5``, ``1e-3``, ``nan``,
  ``inf``) are equal when ``|a - b| <= atol + rtol * max(|a|, |b|)`` with the
  tolerances of the least precise float dtype named in either output
  (``float16``/``float32``, e.g. via ``dtype=float32``), float64 otherwise:

  =========  ======  ======
  dtype      rtol    atol
  =========  ======  ======
  float16    1e-3    1e-5
  float32    1e-6    1e-8
  float64    1e-7    1e-12
  =========  ======  ======

  float64's rtol covers arrays printed with 8 digits by one NumPy and
  rounded differently by another; real errors are far larger.
* An expected traceback matches when the exception type is the same (the
  last component of its dotted name, and the module as well when the
  transcript names one) and the message is the same once runs of whitespace,
  newlines included, are collapsed. The stack lines are not compared.
"""
import builtins
import doctest
import math
import re
import sys
import traceback

import numpy

from chainer_lite import _alias

# Tolerances by float dtype, loosest first: the loosest dtype named in
# either output decides.
_TOLERANCES = (
    ('float16', 1e-3, 1e-5),
    ('float32', 1e-6, 1e-8),
    ('float64', 1e-7, 1e-12),
)

_NUMBER_RE = re.compile(r'''
    (?<![\w.])                      # not the tail of a name or a number
    (?:[-+]?(?:
        (?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?
      | \d+[eE][-+]?\d+
      | \d+
      | nan | inf
    ))
    (?![\w.])
    ''', re.VERBOSE)
_ADDRESS_RE = re.compile(r'\bat 0x[0-9a-fA-F]+')
_NP_SCALAR_RE = re.compile(
    r'\bnp\.(?:float|int|uint|complex|longdouble|clongdouble)\d*\(([^()]*)\)')
_NP_BOOL_RE = re.compile(r'\bnp\.(True|False)_')
_ALIAS_RE = re.compile(r'\bchainer_lite\b')
_EXC_LINE_RE = re.compile(r'([\w.]+)(?::[ \t]*(.*))?\Z', re.DOTALL)
_BLANKLINE_RE = re.compile(
    r'(?m)^{}\s*?$'.format(re.escape(doctest.BLANKLINE_MARKER)))
_OPENERS = '([{'
_CLOSERS = ')]}'


def _canonical_names(text):
    """Applies the textual rules that do not depend on brackets or numbers."""
    text = _ALIAS_RE.sub('chainer', text)
    text = _ADDRESS_RE.sub('at 0x...', text)
    text = _NP_SCALAR_RE.sub(r'\1', text)
    return _NP_BOOL_RE.sub(r'\1', text)


def _normalize_whitespace(text):
    """Drops whitespace inside brackets except single separators, and
    trailing whitespace at the ends of lines."""
    out = []
    depth = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            run = text[i:j]
            if depth > 0:
                prev = out[-1][-1:] if out else ''
                nxt = text[j] if j < n else ''
                if not (prev in _OPENERS or nxt in _CLOSERS or nxt == ','):
                    out.append(' ')
            elif '\n' in run or j == n:
                # Outside brackets only the whitespace that ends a line
                # goes; line breaks and indentation stay.
                lines = run.split('\n')
                out.append('\n' * (len(lines) - 1)
                           + ('' if j == n else lines[-1]))
            else:
                out.append(run)
            i = j
            continue
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS and depth > 0:
            depth -= 1
        out.append(c)
        i += 1
    return ''.join(out)


def _normalize(text):
    return _normalize_whitespace(_canonical_names(text))


def _tolerance(*texts):
    for name, rtol, atol in _TOLERANCES:
        if any(name in text for text in texts):
            return rtol, atol
    return _TOLERANCES[-1][1:]


def _is_float(token):
    return not token.lstrip('+-').isdigit()


def _numbers_match(want, got, rtol, atol):
    if want == got:
        return True
    if not (_is_float(want) and _is_float(got)):
        return False
    a, b = float(want), float(got)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= atol + rtol * max(abs(a), abs(b))


def outputs_match(want, got):
    """Tells whether an actual output matches the expected one.

    Args:
        want (str): Expected output, as written in the transcript.
        got (str): Output the statement produced.

    Returns:
        bool: True when they match by the rules of this module.

    >>> outputs_match('array([ 16.])\\n', 'array([16.])\\n')
    True
    >>> outputs_match('8.0\\n', 'np.float16(8.0)\\n')
    True
    >>> outputs_match('array([1])\\n', 'array([1.])\\n')
    False
    """
    if want == got:
        return True
    want, got = _normalize(want), _normalize(got)
    if want == got:
        return True
    # The text around the numbers must be identical; the numbers are then
    # compared pairwise.
    if _NUMBER_RE.split(want) != _NUMBER_RE.split(got):
        return False
    want_numbers = _NUMBER_RE.findall(want)
    got_numbers = _NUMBER_RE.findall(got)
    rtol, atol = _tolerance(want, got)
    return all(_numbers_match(w, g, rtol, atol)
               for w, g in zip(want_numbers, got_numbers))


def exceptions_match(want, got):
    """Tells whether an exception line matches the expected one.

    Both are the last part of a traceback: ``ExcType: message``, the message
    possibly spanning several lines.

    Args:
        want (str): Expected exception line(s) from the transcript.
        got (str): Exception line(s) of the exception that was raised.

    Returns:
        bool: True when the types and the whitespace-collapsed messages match.

    >>> exceptions_match('TypeError: a\\nb\\n', 'TypeError: a b\\n')
    True
    >>> exceptions_match('TypeError: a\\n', 'ValueError: a\\n')
    False
    """
    want_match = _EXC_LINE_RE.match(_canonical_names(want).strip())
    got_match = _EXC_LINE_RE.match(_canonical_names(got).strip())
    if want_match is None or got_match is None:
        return want.strip() == got.strip()
    want_type, want_message = want_match.groups()
    got_type, got_message = got_match.groups()
    if '.' in want_type:
        if want_type != got_type:
            return False
    elif want_type != got_type.rpartition('.')[2]:
        return False
    return (' '.join((want_message or '').split())
            == ' '.join((got_message or '').split()))


class TranscriptChecker(doctest.OutputChecker):
    """Output checker with the comparison rules of this module.

    :class:`TranscriptRunner` tells it which statement is being checked, so
    that an exception line is compared as one.
    """

    def __init__(self):
        self.example = None

    def check_output(self, want, got, optionflags):
        if super().check_output(want, got, optionflags):
            return True
        example = self.example
        is_exception = (example is not None and example.exc_msg is not None
                        and want == example.exc_msg)
        if not optionflags & doctest.DONT_ACCEPT_BLANKLINE:
            want = _BLANKLINE_RE.sub('', want)
        if is_exception:
            return exceptions_match(want, got)
        return outputs_match(want, got)


class FileResult(object):
    """Counts of one replayed transcript."""

    def __init__(self, path, statements=0, differed=0, error=None):
        self.path = path
        self.statements = statements
        self.differed = differed
        # Why the file could not be replayed at all, else None.
        self.error = error

    @property
    def matched(self):
        return self.statements - self.differed

    @property
    def ok(self):
        return self.error is None and self.differed == 0

    def summary(self):
        if self.error is not None:
            return '{}: not replayed: {}'.format(self.path, self.error)
        return '{}: {} statements, {} matched, {} differed'.format(
            self.path, self.statements, self.matched, self.differed)


def _indent(text):
    lines = text.rstrip('\n').split('\n') if text else ['(nothing)']
    return ''.join('    ' + line + '\n' for line in lines)


def _prompted(source):
    lines = source.rstrip('\n').split('\n')
    return ''.join(('>>> ' if i == 0 else '... ') + line + '\n'
                   for i, line in enumerate(lines))


# The frame of doctest's own exec() that tops every traceback in ``got``.
_DOCTEST_FRAME_RE = re.compile(
    r'^  File "[^"]*doctest\.py", line \d+, in \S+\n(?:    .*\n)*', re.M)


class TranscriptRunner(doctest.DocTestRunner):
    """Runs one transcript's statements and writes a report of each one that
    differs: where it is, the statement, what was expected and what came."""

    def __init__(self, path):
        super().__init__(checker=TranscriptChecker(), verbose=False,
                         optionflags=doctest.DONT_ACCEPT_TRUE_FOR_1)
        self.path = path

    def report_start(self, out, test, example):
        self._checker.example = example

    def report_success(self, out, test, example, got):
        pass

    def _report(self, out, example, got):
        out('{}:{}: differs\n{}  expected:\n{}  got:\n{}'.format(
            self.path, example.lineno + 1, _indent(_prompted(example.source)),
            _indent(example.want), _indent(got)))

    def report_failure(self, out, test, example, got):
        self._report(out, example, _DOCTEST_FRAME_RE.sub('', got))

    def report_unexpected_exception(self, out, test, example, exc_info):
        exc_type, exc, tb = exc_info
        # Skip doctest's own frame; the statement's frames stay.
        got = ''.join(traceback.format_exception(exc_type, exc, tb.tb_next))
        self._report(out, example, got)


def _print_mode():
    # NumPy 2 prints scalars as np.float64(8.0); 1.25's legacy mode restores
    # the bare value. Older NumPy already prints it that way.
    if int(numpy.__version__.split('.')[0]) >= 2:
        return numpy.printoptions(legacy='1.25')
    return numpy.printoptions()


def replay_file(path, out=None):
    """Replays one transcript, reporting each statement that differs.

    Args:
        path (str): The transcript file (UTF-8).
        out (file): Where the report goes; ``sys.stdout`` by default.

    Returns:
        FileResult: Counts of statements and differences.
    """
    out = sys.stdout if out is None else out
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        test = doctest.DocTestParser().get_doctest(
            text, {'__name__': '__main__', '__builtins__': builtins},
            str(path), str(path), 0)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        return FileResult(path, error=str(e))
    runner = TranscriptRunner(path)
    was_installed = _alias.is_installed()
    _alias.install()
    try:
        with _print_mode():
            failed, tried = runner.run(test, out=out.write)
    finally:
        if not was_installed:
            _alias.uninstall()
    return FileResult(path, statements=tried, differed=failed)


def main(paths, out=None):
    """Replays transcripts and prints a summary line for each.

    Args:
        paths (list of str): Transcript files.
        out (file): Where the report goes; ``sys.stdout`` by default.

    Returns:
        int: 0 when every statement of every file matched, 1 otherwise.
    """
    out = sys.stdout if out is None else out
    results = [replay_file(path, out) for path in paths]
    for result in results:
        out.write(result.summary() + '\n')
    return 0 if all(result.ok for result in results) else 1
