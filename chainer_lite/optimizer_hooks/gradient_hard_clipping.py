"""Element-wise gradient clipping as an optimizer hook."""
from chainer_lite.optimizer_hooks import _per_param


class GradientHardClipping(_per_param.PerParameterHook):
    """Hook clipping every gradient element into ``[lower_bound,
    upper_bound]`` (in place).

    Args:
        lower_bound (float): Lower bound of the gradient values.
        upper_bound (float): Upper bound of the gradient values.

    Attributes:
        lower_bound (float): Lower bound of the gradient values.
        upper_bound (float): Upper bound of the gradient values.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): ``True``: called as ``hook(rule, param)``
            for each parameter.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizer_hooks, optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.zeros(3, np.float32))
        >>> opt = optimizers.SGD(lr=1.0).setup(link)
        >>> opt.add_hook(optimizer_hooks.GradientHardClipping(-1, 1))
        >>> link.w.grad = np.array([-5.0, 0.5, 5.0], np.float32)
        >>> opt.update()
        >>> link.w.array
        array([ 1. , -0.5, -1. ], dtype=float32)
    """

    name = 'GradientHardClipping'
    needs_data = False  # only the gradient is used

    def __init__(self, lower_bound, upper_bound):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound

    def _adjust(self, rule, param, grad, xp):
        low, high = self.lower_bound, self.upper_bound
        xp.clip(grad, low, high, out=grad)
