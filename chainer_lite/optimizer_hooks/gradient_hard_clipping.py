"""Element-wise gradient clipping as an optimizer hook."""
from chainer_lite import backend


class GradientHardClipping(object):
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
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, lower_bound, upper_bound):
        self.lower_bound = lower_bound
        self.upper_bound = upper_bound

    def __call__(self, rule, param):
        grad = param.grad
        if grad is None:
            return
        with backend.using_device(param.device):
            backend.get_array_module(grad).clip(
                grad, self.lower_bound, self.upper_bound, out=grad)
