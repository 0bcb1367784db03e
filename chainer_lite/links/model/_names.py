"""Public links of the model category (gathered into ``L``)."""
from chainer_lite.links.model.classifier import Classifier  # NOQA
