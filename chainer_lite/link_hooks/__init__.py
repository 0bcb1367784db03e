"""Link hooks (``chainer.link_hooks``): callbacks around forward passes."""
from chainer_lite.link_hooks.spectral_normalization import SpectralNormalization  # NOQA
from chainer_lite.link_hooks.timer import TimerHook  # NOQA
from chainer_lite.link_hooks.weight_standardization import WeightStandardization  # NOQA
