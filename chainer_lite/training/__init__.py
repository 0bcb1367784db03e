"""Training loop: Trainer, updaters, triggers and extensions."""
from chainer_lite.training import extensions  # NOQA
from chainer_lite.training import triggers  # NOQA
from chainer_lite.training import updaters  # NOQA
from chainer_lite.training import util  # NOQA

from chainer_lite.training.extension import Extension  # NOQA
from chainer_lite.training.extension import make_extension  # NOQA
from chainer_lite.training.extension import PRIORITY_EDITOR  # NOQA
from chainer_lite.training.extension import PRIORITY_READER  # NOQA
from chainer_lite.training.extension import PRIORITY_WRITER  # NOQA
from chainer_lite.training.trainer import Trainer  # NOQA
from chainer_lite.training.trigger import get_trigger  # NOQA
from chainer_lite.training.trigger import IntervalTrigger  # NOQA
from chainer_lite.training.updater import ParallelUpdater  # NOQA
from chainer_lite.training.updater import StandardUpdater  # NOQA
from chainer_lite.training.updater import Updater  # NOQA
