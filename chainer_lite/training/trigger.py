"""Old location of :func:`get_trigger` and :class:`IntervalTrigger`."""
from chainer_lite.training.triggers.interval_trigger import IntervalTrigger  # NOQA
from chainer_lite.training.util import _never_fire_trigger  # NOQA
from chainer_lite.training.util import get_trigger  # NOQA
