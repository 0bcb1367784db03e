"""Extension moving an optimizer attribute linearly between two values."""
from chainer_lite.training.extensions import _shift


class LinearShift(_shift.AttributeShift):
    """Moves ``optimizer.<attr>`` linearly from ``v1`` to ``v2``.

    With ``value_range == (v1, v2)`` and ``time_range == (t1, t2)`` the
    attribute is ``v1`` up to the ``t1``-th call, moves linearly to reach
    ``v2`` at the ``t2``-th call and stays there (e.g. a momentum warm-up).

    Args:
        attr (str): Name of the optimizer attribute.
        value_range (tuple of float): ``(v1, v2)``.
        time_range (tuple of int): ``(t1, t2)`` in calls.
        optimizer: Optimizer to adjust; the main one when ``None``.
    """

    def __init__(self, attr, value_range, time_range, optimizer=None):
        super(LinearShift, self).__init__(attr, None, optimizer)
        self._value_range = value_range
        self._time_range = time_range

    def _initial_value(self, optimizer):
        return self._compute_value()

    def _compute_value(self):
        t1, t2 = self._time_range
        v1, v2 = self._value_range
        if self._t <= t1:
            return v1
        if self._t >= t2:
            return v2
        rate = (self._t - t1) / (t2 - t1)
        return v1 + rate * (v2 - v1)
