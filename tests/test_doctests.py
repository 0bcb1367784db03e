"""Runs the examples in chainer_lite's docstrings as doctests.

The examples are written as Chainer code (``import chainer``), so the
``chainer`` alias is installed while they run; as in Chainer's documentation,
``np``, ``chainer``, ``F`` and ``L`` are predefined.
"""
import doctest
import importlib
import pkgutil

import numpy
import pytest

import chainer_lite
from chainer_lite import _alias

# Modules whose import needs optional packages, or that start processes.
_SKIP = ('chainer_lite.__main__',)


def _module_names():
    names = ['chainer_lite']
    for info in pkgutil.walk_packages(chainer_lite.__path__, 'chainer_lite.'):
        if not info.name.startswith(_SKIP):
            names.append(info.name)
    return sorted(names)


@pytest.fixture
def chainer_alias():
    was_installed = _alias.is_installed()
    _alias.install()
    options = numpy.get_printoptions()
    state = numpy.random.get_state()
    try:
        yield
    finally:
        numpy.set_printoptions(**options)
        numpy.random.set_state(state)
        if not was_installed:
            _alias.uninstall()


@pytest.mark.parametrize('name', _module_names())
def test_docstring_examples(name, chainer_alias, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples may write files
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    # As in Chainer's documentation, examples may use these names unimported.
    import chainer
    extraglobs = {'np': numpy, 'numpy': numpy, 'chainer': chainer,
                  'F': chainer.functions, 'L': chainer.links}
    for test in finder.find(module, name, extraglobs=extraglobs):
        if test.examples:
            runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, '{} docstring example(s) failed in {}'.format(
        result.failed, name)
