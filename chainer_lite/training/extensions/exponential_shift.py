"""Extension multiplying an optimizer attribute by a constant at each call."""
from chainer_lite.training.extensions import _shift


class ExponentialShift(_shift.AttributeShift):
    """Sets ``optimizer.<attr>`` to ``init * rate ** t`` at the t-th call.

    Typically an exponential learning-rate decay, e.g. with
    ``trigger=(1, 'epoch')``. ``initialize`` (before training) sets the
    initial value.

    Args:
        attr (str): Name of the optimizer attribute.
        rate (float): Factor per call (non-negative).
        init (float): Initial value; the optimizer's current value when
            ``None``.
        target (float): The value stops here once reached.
        optimizer: Optimizer to adjust; the main one when ``None``.

    Example:

        >>> from chainer.training import extensions
        >>> ext = extensions.ExponentialShift('lr', 0.5)
    """

    def __init__(self, attr, rate, init=None, target=None, optimizer=None):
        if rate < 0:
            raise ValueError('ExponentialShift does not support negative rate')
        super(ExponentialShift, self).__init__(attr, init, optimizer)
        self._rate = rate
        self._target = target

    def _compute_value(self):
        value = self._init * (self._rate ** self._t)
        return _shift.clip_to_target(value, self._target, self._rate > 1)
