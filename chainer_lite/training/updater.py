"""Old location of the updater classes."""
from chainer_lite.training._updater import Updater  # NOQA
from chainer_lite.training.updaters.parallel_updater import ParallelUpdater  # NOQA
from chainer_lite.training.updaters.standard_updater import StandardUpdater  # NOQA
