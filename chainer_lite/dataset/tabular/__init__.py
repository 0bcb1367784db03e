"""Tabular datasets: column-oriented datasets with lazy views."""
from chainer_lite.dataset.tabular import _asmode  # NOQA
from chainer_lite.dataset.tabular import _concat  # NOQA
from chainer_lite.dataset.tabular import _join  # NOQA
from chainer_lite.dataset.tabular import _slice  # NOQA
from chainer_lite.dataset.tabular import _transform  # NOQA
from chainer_lite.dataset.tabular import _with_converter  # NOQA

from chainer_lite.dataset.tabular.delegate_dataset import DelegateDataset  # NOQA
from chainer_lite.dataset.tabular.from_data import from_data  # NOQA
