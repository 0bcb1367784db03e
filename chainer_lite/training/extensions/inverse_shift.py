"""Extension shifting an optimizer attribute by Caffe's ``inv`` policy."""
from chainer_lite.training.extensions import _shift


class InverseShift(_shift.AttributeShift):
    """Sets ``optimizer.<attr>`` to ``init * (1 + gamma * t) ** (-power)``
    at the t-th call.

    Args:
        attr (str): Name of the optimizer attribute.
        gamma (float): Non-negative coefficient of ``t``.
        power (float): Exponent.
        init (float): Initial value; the optimizer's current value when
            ``None``.
        target (float): The value stops here once reached.
        optimizer: Optimizer to adjust; the main one when ``None``.
    """

    def __init__(self, attr, gamma, power,
                 init=None, target=None, optimizer=None):
        if gamma < 0:
            raise ValueError('InverseShift does not support negative gamma')
        super().__init__(attr, init, optimizer)
        self._gamma = gamma
        self._power = power
        self._target = target

    def _compute_value(self):
        decay = (1 + self._gamma * self._t) ** -self._power
        return _shift.clip_to_target(
            self._init * decay, self._target, self._power < 0)
