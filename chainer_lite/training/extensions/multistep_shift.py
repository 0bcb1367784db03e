"""Extension multiplying an optimizer attribute at given call counts."""
from chainer_lite.training import extension


class MultistepShift(extension.Extension):
    """Multiplies ``optimizer.<attr>`` by ``gamma`` at each of the given
    call counts.

    With ``step_value == [s1, s2, ...]`` the attribute is ``init`` before
    the ``s1``-th call, ``init * gamma`` from it, ``init * gamma ** 2`` from
    the ``s2``-th, and so on.

    Args:
        attr (str): Name of the optimizer attribute.
        gamma (float): Multiplier.
        step_value (tuple of int): Call counts starting each step.
        init (float): Initial value; the optimizer's current value when
            ``None``.
        optimizer: Optimizer to adjust; the main one when ``None``.
    """

    def __init__(self, attr, gamma, step_value, init, optimizer=None):
        self._attr = attr
        self._gamma = gamma
        self._step_value = step_value
        self._init = init
        self._optimizer = optimizer
        self._current_step = 0
        self._t = 0

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        else:
            setattr(optimizer, self._attr, self._init)

    def __call__(self, trainer):
        self._t += 1
        # At most one step per call, when the next boundary is reached.
        boundaries = self._step_value
        step = self._current_step
        if step < len(boundaries) and boundaries[step] <= self._t:
            self._current_step = step = step + 1
        setattr(self._get_optimizer(trainer), self._attr,
                self._init * self._gamma ** step)

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
        self._current_step = serializer('_current_step', self._current_step)
