"""Public links of the normalization category (gathered into ``L``)."""
from chainer_lite.links.normalization.batch_normalization import BatchNormalization  # NOQA
from chainer_lite.links.normalization.batch_renormalization import BatchRenormalization  # NOQA
from chainer_lite.links.normalization.decorrelated_batch_normalization import DecorrelatedBatchNormalization  # NOQA
from chainer_lite.links.normalization.group_normalization import GroupNormalization  # NOQA
from chainer_lite.links.normalization.layer_normalization import LayerNormalization  # NOQA
