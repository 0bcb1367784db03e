"""Runs the examples in the docstrings of the data modules."""
import doctest
import importlib

import pytest

from chainer_lite import _alias

_MODULES = [
    'chainer_lite.dataset.convert',
    'chainer_lite.dataset.dataset_mixin',
    'chainer_lite.dataset.download',
    'chainer_lite.dataset.tabular.tabular_dataset',
    'chainer_lite.dataset.tabular.from_data',
    'chainer_lite.dataset.tabular.delegate_dataset',
    'chainer_lite.datasets.concatenated_dataset',
    'chainer_lite.datasets.dict_dataset',
    'chainer_lite.datasets.fashion_mnist',
    'chainer_lite.datasets.kuzushiji_mnist',
    'chainer_lite.datasets.pickle_dataset',
    'chainer_lite.datasets.sub_dataset',
    'chainer_lite.datasets.text_dataset',
    'chainer_lite.datasets.transform_dataset',
    'chainer_lite.datasets.tuple_dataset',
    'chainer_lite.iterators.multiprocess_iterator',
    'chainer_lite.iterators.multithread_iterator',
    'chainer_lite.iterators.order_samplers',
    'chainer_lite.iterators.serial_iterator',
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
