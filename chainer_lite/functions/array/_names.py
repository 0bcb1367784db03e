"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.array.broadcast import broadcast  # NOQA
from chainer_lite.functions.array.broadcast import broadcast_to  # NOQA
from chainer_lite.functions.array.get_item import get_item  # NOQA
from chainer_lite.functions.array.reshape import reshape  # NOQA
from chainer_lite.functions.array.transpose import transpose  # NOQA
