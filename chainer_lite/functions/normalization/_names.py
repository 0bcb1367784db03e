"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.normalization.batch_normalization import batch_normalization  # NOQA
from chainer_lite.functions.normalization.batch_normalization import fixed_batch_normalization  # NOQA
from chainer_lite.functions.normalization.batch_renormalization import batch_renormalization  # NOQA
from chainer_lite.functions.normalization.batch_renormalization import fixed_batch_renormalization  # NOQA
from chainer_lite.functions.normalization.decorrelated_batch_normalization import decorrelated_batch_normalization  # NOQA
from chainer_lite.functions.normalization.decorrelated_batch_normalization import fixed_decorrelated_batch_normalization  # NOQA
from chainer_lite.functions.normalization.group_normalization import group_normalization  # NOQA
from chainer_lite.functions.normalization.l2_normalization import normalize  # NOQA
from chainer_lite.functions.normalization.layer_normalization import layer_normalization  # NOQA
from chainer_lite.functions.normalization.local_response_normalization import local_response_normalization  # NOQA
