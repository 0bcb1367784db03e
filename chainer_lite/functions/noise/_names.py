"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.noise.dropout import dropout  # NOQA
from chainer_lite.functions.noise.gaussian import gaussian  # NOQA
from chainer_lite.functions.noise.gumbel_softmax import gumbel_softmax  # NOQA
from chainer_lite.functions.noise.simplified_dropconnect import simplified_dropconnect  # NOQA
from chainer_lite.functions.noise.zoneout import zoneout  # NOQA
