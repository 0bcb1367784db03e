"""Differentiable functions (``chainer.functions``, usually imported as F).

Each category package lists its public names in its ``_names`` module; this
module gathers them into the flat ``F`` namespace, as Chainer's does. The
category packages themselves stay plain packages, so that module paths such
as ``chainer.functions.math.sum`` keep naming modules.
"""
from chainer_lite.functions import array  # NOQA
from chainer_lite.functions import math  # NOQA

from chainer_lite.functions.array._names import *  # NOQA
from chainer_lite.functions.math._names import *  # NOQA
