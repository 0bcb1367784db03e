"""Dataset building blocks: converters, iterator base, mixins, downloads."""
from chainer_lite.dataset.convert import concat_examples  # NOQA
from chainer_lite.dataset.convert import ConcatWithAsyncTransfer  # NOQA
from chainer_lite.dataset.convert import converter  # NOQA
from chainer_lite.dataset.convert import Converter  # NOQA
from chainer_lite.dataset.convert import to_device  # NOQA
from chainer_lite.dataset.dataset_mixin import DatasetMixin  # NOQA
from chainer_lite.dataset.download import cache_or_load_file  # NOQA
from chainer_lite.dataset.download import cached_download  # NOQA
from chainer_lite.dataset.download import get_dataset_directory  # NOQA
from chainer_lite.dataset.download import get_dataset_root  # NOQA
from chainer_lite.dataset.download import set_dataset_root  # NOQA
from chainer_lite.dataset.iterator import Iterator  # NOQA
from chainer_lite.dataset.tabular.tabular_dataset import TabularDataset  # NOQA
