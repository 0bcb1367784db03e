"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.evaluation.accuracy import accuracy  # NOQA
from chainer_lite.functions.evaluation.binary_accuracy import binary_accuracy  # NOQA
from chainer_lite.functions.evaluation.classification_summary import classification_summary  # NOQA
from chainer_lite.functions.evaluation.classification_summary import f1_score  # NOQA
from chainer_lite.functions.evaluation.classification_summary import precision  # NOQA
from chainer_lite.functions.evaluation.classification_summary import recall  # NOQA
from chainer_lite.functions.evaluation.r2_score import r2_score  # NOQA
