"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.util.forget import forget  # NOQA
