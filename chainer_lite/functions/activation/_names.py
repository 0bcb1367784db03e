"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.activation.clipped_relu import clipped_relu  # NOQA
from chainer_lite.functions.activation.clipped_relu import relu6  # NOQA
from chainer_lite.functions.activation.crelu import crelu  # NOQA
from chainer_lite.functions.activation.elu import elu  # NOQA
from chainer_lite.functions.activation.hard_sigmoid import hard_sigmoid  # NOQA
from chainer_lite.functions.activation.leaky_relu import leaky_relu  # NOQA
from chainer_lite.functions.activation.log_softmax import log_softmax  # NOQA
from chainer_lite.functions.activation.maxout import maxout  # NOQA
from chainer_lite.functions.activation.prelu import prelu  # NOQA
from chainer_lite.functions.activation.relu import relu  # NOQA
from chainer_lite.functions.activation.rrelu import rrelu  # NOQA
from chainer_lite.functions.activation.selu import selu  # NOQA
from chainer_lite.functions.activation.sigmoid import sigmoid  # NOQA
from chainer_lite.functions.activation.softmax import softmax  # NOQA
from chainer_lite.functions.activation.softplus import softplus  # NOQA
from chainer_lite.functions.activation.swish import swish  # NOQA
from chainer_lite.functions.activation.tanh import tanh  # NOQA
