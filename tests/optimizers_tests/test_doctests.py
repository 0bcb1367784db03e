"""Runs the examples in the docstrings of the optimizer modules."""
import doctest
import importlib

import pytest

from chainer_lite import _alias

_MODULES = [
    'chainer_lite.optimizer',
    'chainer_lite.optimizers.adam',
    'chainer_lite.optimizers.sgd',
    'chainer_lite.optimizer_hooks.gradient_clipping',
    'chainer_lite.optimizer_hooks.gradient_hard_clipping',
    'chainer_lite.optimizer_hooks.lasso',
    'chainer_lite.optimizer_hooks.weight_decay',
]


@pytest.fixture
def chainer_alias():
    # The examples are written for ``import chainer``.
    installed = _alias.is_installed()
    if not installed:
        _alias.install()
    yield
    if not installed:
        _alias.uninstall()


@pytest.mark.parametrize('name', _MODULES)
def test_docstring_examples(name, chainer_alias):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
