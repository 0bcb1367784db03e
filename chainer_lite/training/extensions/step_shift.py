"""Extension multiplying an optimizer attribute every ``step`` calls."""
import numpy

from chainer_lite.training.extensions import _shift


class StepShift(_shift.AttributeShift):
    """Sets ``optimizer.<attr>`` to ``init * gamma ** floor(t / step)`` at
    the t-th call.

    Args:
        attr (str): Name of the optimizer attribute.
        gamma (float): Multiplier.
        step (int): Number of calls between multiplications.
        init (float): Initial value; the optimizer's current value when
            ``None``.
        target (float): The value stops here once reached.
        optimizer: Optimizer to adjust; the main one when ``None``.
    """

    def __init__(self, attr, gamma, step, init=None, target=None,
                 optimizer=None):
        super().__init__(attr, init, optimizer)
        self._gamma = gamma
        self._step = step
        self._target = target

    def _compute_value(self):
        # The value is multiplied by gamma every `step` calls.
        n_steps = numpy.floor(self._t / self._step)
        return _shift.clip_to_target(
            self._init * self._gamma ** n_steps, self._target,
            self._gamma > 1)
