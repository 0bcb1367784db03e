"""Hooks that modify gradients around an optimizer's update (regularizers,
clipping, noise, LARS)."""
from chainer_lite.optimizer_hooks.gradient_clipping import GradientClipping  # NOQA
from chainer_lite.optimizer_hooks.gradient_hard_clipping import GradientHardClipping  # NOQA
from chainer_lite.optimizer_hooks.gradient_lars import GradientLARS  # NOQA
from chainer_lite.optimizer_hooks.gradient_noise import GradientNoise  # NOQA
from chainer_lite.optimizer_hooks.lasso import Lasso  # NOQA
from chainer_lite.optimizer_hooks.weight_decay import WeightDecay  # NOQA
