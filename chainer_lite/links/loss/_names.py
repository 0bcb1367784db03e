"""Public links of the loss category (gathered into ``L``)."""
from chainer_lite.links.loss.black_out import BlackOut  # NOQA
from chainer_lite.links.loss.crf1d import CRF1d  # NOQA
from chainer_lite.links.loss.hierarchical_softmax import BinaryHierarchicalSoftmax  # NOQA
from chainer_lite.links.loss.negative_sampling import NegativeSampling  # NOQA
