"""Base of the extensions that schedule an optimizer attribute (e.g. lr)."""
import numpy

from chainer_lite.training import extension


class AttributeShift(extension.Extension):
    """Sets ``optimizer.<attr>`` to :meth:`_compute_value` at each call.

    The call count ``_t`` and the last value set are serialized; on
    ``initialize`` after a resume the last value is set again, since the
    optimizer's hyperparameters are not part of a snapshot. Subclasses
    implement :meth:`_compute_value`, reading ``self._t``.

    Args:
        attr (str): Name of the optimizer attribute.
        init (float): Initial value; read from the optimizer at
            ``initialize`` when ``None``.
        optimizer: Optimizer to adjust; the updater's ``'main'`` one when
            ``None``.
    """

    def __init__(self, attr, init, optimizer):
        self._attr = attr
        self._init = init
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._last_value is not None:  # resumed from a snapshot
            value = self._last_value
        else:
            value = self._initial_value(optimizer)
        self._update_value(optimizer, value)

    def _initial_value(self, optimizer):
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        return self._init

    def __call__(self, trainer):
        self._t += 1
        self._update_value(self._get_optimizer(trainer),
                           self._compute_value())

    def _compute_value(self):
        raise NotImplementedError

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
        self._last_value = serializer('_last_value', self._last_value)
        if isinstance(self._last_value, numpy.ndarray):
            self._last_value = self._last_value.item()

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def _update_value(self, optimizer, value):
        setattr(optimizer, self._attr, value)
        self._last_value = value


def clip_to_target(value, target, increasing):
    """Stops ``value`` at ``target`` once it moved past it.

    Ratios are compared rather than the values so that negative schedules
    (moving away from zero the other way) stop correctly too.
    """
    if target is None:
        return value
    if increasing:
        if value / target > 1:
            return target
    elif value / target < 1:
        return target
    return value
