"""Lasso (L1 regularization) as an optimizer hook."""
from chainer_lite.optimizer_hooks import _per_param


class Lasso(_per_param.PerParameterHook):
    """Hook adding ``rate * sign(param)`` to each gradient (L1
    regularization).

    Args:
        rate (float): Coefficient of the regularization.

    Attributes:
        rate (float): Coefficient of the regularization.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): ``True``: called as ``hook(rule, param)``
            for each parameter.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizer_hooks, optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.array([2.0, -2.0], np.float32))
        >>> opt = optimizers.SGD(lr=1.0).setup(link)
        >>> opt.add_hook(optimizer_hooks.Lasso(0.5))
        >>> link.w.grad = np.zeros(2, np.float32)
        >>> opt.update()
        >>> link.w.array
        array([ 1.5, -1.5], dtype=float32)
    """

    name = 'Lasso'

    def __init__(self, rate):
        self.rate = rate

    def _adjust(self, rule, param, grad, xp):
        grad += self.rate * xp.sign(param.array)
