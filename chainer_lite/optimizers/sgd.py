"""Vanilla stochastic gradient descent."""
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01


class SGDRule(optimizer.UpdateRule):
    """Update rule of vanilla SGD: ``param -= lr * grad``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None, lr=None):
        super(SGDRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(self.hyperparam, lr=lr)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        data = param.array
        data -= self.hyperparam.lr * grad

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class SGD(optimizer.GradientMethod):
    """Vanilla stochastic gradient descent.

    Args:
        lr (float): Learning rate.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.array([1.0, 2.0], np.float32))
        >>> opt = optimizers.SGD(lr=0.1).setup(link)
        >>> link.w.grad = np.array([1.0, -1.0], np.float32)
        >>> opt.update()
        >>> link.w.array
        array([0.9, 2.1], dtype=float32)
    """

    def __init__(self, lr=_default_hyperparam.lr):
        super(SGD, self).__init__()
        _util.assign_hyperparams(self.hyperparam, lr=lr)

    lr = optimizer.HyperparameterProxy('lr')

    def create_update_rule(self):
        return SGDRule(self.hyperparam)
