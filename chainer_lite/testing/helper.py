"""Test helpers: skipping on installed packages, warnings, and mock patches."""
import contextlib
import importlib.metadata
import re
import sys
import unittest
import unittest.mock
import warnings


_REQUIREMENT = re.compile(r'^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?'
                          r'\s*(.*?)\s*$')
_CLAUSE = re.compile(r'^(===|~=|==|!=|<=|>=|<|>)\s*(\S+)$')


def _parse_version(text):
    # Release numbers compare as a tuple of ints; a pre-release suffix
    # (1.17.0rc1, 2.0.0.dev0) sorts before the release itself.
    match = re.match(r'^v?(\d+(?:\.\d+)*)(.*)$', text.strip())
    if match is None:
        return (), 0
    release = tuple(int(p) for p in match.group(1).split('.'))
    while len(release) > 1 and release[-1] == 0:
        release = release[:-1]
    suffix = match.group(2)
    pre = re.match(r'^[.-]?(a|b|c|rc|alpha|beta|pre|dev)', suffix)
    final = 0 if pre else 1
    return release, final


def _clause_holds(version, op, wanted):
    if wanted.endswith('.*') and op in ('==', '!='):
        prefix = wanted[:-2].split('.')
        parts = re.match(r'^v?(\d+(?:\.\d+)*)', version)
        given = parts.group(1).split('.') if parts else []
        equal = given[:len(prefix)] == prefix
        return equal if op == '==' else not equal
    have = _parse_version(version)
    want = _parse_version(wanted)
    if op in ('==', '==='):
        return have == want
    if op == '!=':
        return have != want
    if op == '~=':
        upper = want[0][:-1]
        return have >= want and have[0][:len(upper)] == upper
    return {'<': have < want, '<=': have <= want,
            '>': have > want, '>=': have >= want}[op]


def _is_satisfied(requirement):
    match = _REQUIREMENT.match(requirement)
    if match is None:
        raise ValueError('invalid requirement: {!r}'.format(requirement))
    name, _, spec = match.groups()
    try:
        version = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    for clause in filter(None, (c.strip() for c in spec.split(','))):
        op_match = _CLAUSE.match(clause)
        if op_match is None:
            raise ValueError('invalid requirement: {!r}'.format(requirement))
        if not _clause_holds(version, *op_match.groups()):
            return False
    return True


def with_requires(*requirements):
    """Runs a test only when all given requirements are installed.

    Args:
        requirements (str): Requirement strings such as ``'numpy>=1.10'``.

    Returns:
        A ``unittest.skipIf`` decorator (skip reason ``requires: ...``).

    Example:

        >>> import unittest
        >>> from chainer_lite import testing
        >>> class Test(unittest.TestCase):
        ...     @testing.with_requires('numpy>=1.10')
        ...     def test_for_numpy_1_10(self):
        ...         pass
    """
    skip = not all(_is_satisfied(r) for r in requirements)
    return unittest.skipIf(skip, 'requires: {}'.format(','.join(requirements)))


def without_requires(*requirements):
    """Runs a test only when the given requirements are not all installed.

    Args:
        requirements (str): Requirement strings such as ``'scipy'``.

    Returns:
        A ``unittest.skipIf`` decorator (skip reason ``requires: ...``).
    """
    skip = all(_is_satisfied(r) for r in requirements)
    return unittest.skipIf(skip, 'requires: {}'.format(','.join(requirements)))


@contextlib.contextmanager
def assert_warns(expected):
    """Context manager asserting that the block emits a warning of a class.

    Args:
        expected (type): The warning class (subclasses match too).

    Raises:
        AssertionError: ``<name> not triggerred`` when no such warning was
            emitted.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        yield
    if not any(isinstance(w.message, expected) for w in caught):
        name = getattr(expected, '__name__', str(expected))
        raise AssertionError('%s not triggerred' % name)


def _import_object_from_name(fullname):
    parts = fullname.split('.')
    obj = sys.modules.get(parts[0])
    if obj is None:
        raise RuntimeError('Can\'t import {}'.format(parts[0]))
    for i, part in enumerate(parts[1:]):
        obj = getattr(obj, part)
        if obj is None:
            raise RuntimeError(
                'Can\'t find object {}'.format('.'.join(parts[:i + 1])))
    return obj


def patch(target, *args, **kwargs):
    """``mock.patch`` that wraps the patched object by default.

    The mock records calls but forwards them to the original object (or to
    the object given as ``wraps``). Unbound methods are not supported as
    ``wraps``.

    Args:
        target (str): Full dotted name of the object to patch.
        args: Passed to ``mock.patch``.
        kwargs: Passed to ``mock.patch``; ``wraps`` defaults to the target.
    """
    if 'wraps' in kwargs:
        wraps = kwargs.pop('wraps')
    else:
        wraps = _import_object_from_name(target)
    return unittest.mock.patch(target, *args, wraps=wraps, **kwargs)
