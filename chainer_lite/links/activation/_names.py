"""Public links of the activation category (gathered into ``L``)."""
from chainer_lite.links.activation.maxout import Maxout  # NOQA
from chainer_lite.links.activation.prelu import PReLU  # NOQA
from chainer_lite.links.activation.simplified_dropconnect import SimplifiedDropconnect  # NOQA
from chainer_lite.links.activation.swish import Swish  # NOQA
