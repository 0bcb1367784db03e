"""Parameterized layers (``chainer.links``, usually imported as L).

Each category package lists its public links in its ``_names`` module; this
module gathers them into the flat ``L`` namespace, as Chainer's does.
"""
from chainer_lite.links import activation  # NOQA
from chainer_lite.links import connection  # NOQA
from chainer_lite.links import loss  # NOQA
from chainer_lite.links import model  # NOQA
from chainer_lite.links import normalization  # NOQA
from chainer_lite.links import rnn  # NOQA

from chainer_lite.links.activation._names import *  # NOQA
from chainer_lite.links.connection._names import *  # NOQA
from chainer_lite.links.loss._names import *  # NOQA
from chainer_lite.links.model._names import *  # NOQA
from chainer_lite.links.normalization._names import *  # NOQA
from chainer_lite.links.rnn._names import *  # NOQA
