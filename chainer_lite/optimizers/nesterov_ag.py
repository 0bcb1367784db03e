"""Nesterov's accelerated gradient."""
from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class NesterovAGRule(_util.VelocityRule):
    """Update rule of Nesterov's accelerated gradient:
    ``v = momentum * v - lr * grad;
    param += momentum ** 2 * v - (1 + momentum) * lr * grad``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        momentum (float): Decay factor of the velocity.
    """

    _default_hyperparam = _default_hyperparam

    def _step(self, data, grad, v, lr, momentum):
        xp = backend.get_array_module(grad)
        work = xp.multiply(grad, lr, out=xp.empty_like(grad))
        v *= momentum
        v -= work
        xp.multiply(v, momentum * momentum, out=work)
        data += work
        xp.multiply(grad, (1 + momentum) * lr, out=work)
        data -= work


class NesterovAG(_util.VelocityMethod):
    """Nesterov's accelerated gradient (see
    `arXiv:1212.0901 <https://arxiv.org/abs/1212.0901>`_).

    Args:
        lr (float): Learning rate.
        momentum (float): Decay factor of the velocity.
    """

    _rule_class = NesterovAGRule

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(NesterovAG, self).__init__(lr, momentum)

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')
