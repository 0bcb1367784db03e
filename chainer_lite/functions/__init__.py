"""Differentiable functions (``chainer.functions``, usually imported as F).

Each category package lists its public names in its ``_names`` module; this
module gathers them into the flat ``F`` namespace, as Chainer's does. The
category packages themselves stay plain packages, so that module paths such
as ``chainer.functions.math.sum`` keep naming modules.
"""
from chainer_lite.functions import activation  # NOQA
from chainer_lite.functions import array  # NOQA
from chainer_lite.functions import connection  # NOQA
from chainer_lite.functions import evaluation  # NOQA
from chainer_lite.functions import loss  # NOQA
from chainer_lite.functions import math  # NOQA
from chainer_lite.functions import noise  # NOQA
from chainer_lite.functions import normalization  # NOQA
from chainer_lite.functions import pooling  # NOQA
from chainer_lite.functions import rnn  # NOQA
from chainer_lite.functions import util  # NOQA

from chainer_lite.functions.activation._names import *  # NOQA
from chainer_lite.functions.array._names import *  # NOQA
from chainer_lite.functions.connection._names import *  # NOQA
from chainer_lite.functions.evaluation._names import *  # NOQA
from chainer_lite.functions.loss._names import *  # NOQA
from chainer_lite.functions.math._names import *  # NOQA
from chainer_lite.functions.noise._names import *  # NOQA
from chainer_lite.functions.normalization._names import *  # NOQA
from chainer_lite.functions.pooling._names import *  # NOQA
from chainer_lite.functions.rnn._names import *  # NOQA
from chainer_lite.functions.util._names import *  # NOQA
