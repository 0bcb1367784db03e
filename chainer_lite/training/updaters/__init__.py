"""Updaters: what a Trainer calls to run one training iteration."""
from chainer_lite.training.updaters.multiprocess_parallel_updater import MultiprocessParallelUpdater  # NOQA
from chainer_lite.training.updaters.parallel_updater import ParallelUpdater  # NOQA
from chainer_lite.training.updaters.standard_updater import StandardUpdater  # NOQA
