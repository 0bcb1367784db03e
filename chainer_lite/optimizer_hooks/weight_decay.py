"""Weight decay (L2 regularization) as an optimizer hook."""
from chainer_lite.optimizer_hooks import _per_param


class WeightDecay(_per_param.PerParameterHook):
    """Hook adding ``rate * param`` to each gradient (L2 regularization).

    The rate is multiplied by the parameter's loss scale, if any, so that the
    decay is unchanged once the update rule divides the gradient back.

    Args:
        rate (float): Coefficient of the weight decay.

    Attributes:
        rate (float): Coefficient of the weight decay.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): ``True``: called as ``hook(rule, param)``
            for each parameter.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizer_hooks, optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.array([1.0], np.float32))
        >>> opt = optimizers.SGD(lr=1.0).setup(link)
        >>> opt.add_hook(optimizer_hooks.WeightDecay(0.1))
        >>> link.w.grad = np.array([0.0], np.float32)
        >>> opt.update()
        >>> link.w.array
        array([0.9], dtype=float32)
    """

    name = 'WeightDecay'

    def __init__(self, rate):
        self.rate = rate

    def _adjust(self, rule, param, grad, xp):
        # A loss-scaled gradient gets a loss-scaled decay.
        scale = param._loss_scale
        coefficient = self.rate if scale is None else self.rate * scale
        grad += coefficient * param.array
