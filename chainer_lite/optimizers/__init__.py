"""The built-in gradient-based optimizers."""
from chainer_lite.optimizers.ada_delta import AdaDelta  # NOQA
from chainer_lite.optimizers.ada_grad import AdaGrad  # NOQA
from chainer_lite.optimizers.adam import Adam  # NOQA
from chainer_lite.optimizers.adam import AdamW  # NOQA
from chainer_lite.optimizers.adam import AMSGrad  # NOQA
from chainer_lite.optimizers.adam import AdaBound  # NOQA
from chainer_lite.optimizers.adam import AMSBound  # NOQA
from chainer_lite.optimizers.corrected_momentum_sgd import CorrectedMomentumSGD  # NOQA
from chainer_lite.optimizers.momentum_sgd import MomentumSGD  # NOQA
from chainer_lite.optimizers.msvag import MSVAG  # NOQA
from chainer_lite.optimizers.nesterov_ag import NesterovAG  # NOQA
from chainer_lite.optimizers.rmsprop import RMSprop  # NOQA
from chainer_lite.optimizers.rmsprop_graves import RMSpropGraves  # NOQA
from chainer_lite.optimizers.sgd import SGD  # NOQA
from chainer_lite.optimizers.smorms3 import SMORMS3  # NOQA
