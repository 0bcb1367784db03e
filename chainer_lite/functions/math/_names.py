"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.math.basic_math import absolute  # NOQA
from chainer_lite.functions.math.basic_math import add  # NOQA
from chainer_lite.functions.math.exponential import exp  # NOQA
from chainer_lite.functions.math.exponential import log  # NOQA
from chainer_lite.functions.math.exponential import log10  # NOQA
from chainer_lite.functions.math.exponential import log2  # NOQA
from chainer_lite.functions.math.sum import sum  # NOQA
from chainer_lite.functions.math.sum import sum_to  # NOQA
