"""Extension decaying an optimizer attribute polynomially."""
from chainer_lite.training.extensions import _shift


class PolynomialShift(_shift.AttributeShift):
    """Sets ``optimizer.<attr>`` to
    ``init * max(1 - t / max_count, 0) ** rate`` at the t-th call.

    Args:
        attr (str): Name of the optimizer attribute.
        rate (float): Exponent.
        max_count (int): Number of calls after which the decay ends.
        init (float): Initial value; the optimizer's current value when
            ``None``.
        target (float): The value stops here once reached.
        optimizer: Optimizer to adjust; the main one when ``None``.
    """

    def __init__(self, attr, rate, max_count, init=None, target=None,
                 optimizer=None):
        super(PolynomialShift, self).__init__(attr, init, optimizer)
        self._rate = rate
        self._max_count = max_count
        self._target = target

    def _compute_value(self):
        decay = max(1 - self._t / self._max_count, 0)
        value = self._init * decay ** self._rate
        if self._target is None:
            return value
        if self._rate > 0:
            # Decaying towards zero: a zero value is past any target.
            if value == 0 or self._target / value > 1:
                return self._target
        elif self._target / value < 1:
            return self._target
        return value
