"""Classical momentum SGD."""
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class MomentumSGDRule(_util.VelocityRule):
    """Update rule of momentum SGD:
    ``v = momentum * v - lr * grad; param += v``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        momentum (float): Decay factor of the velocity.
    """

    _default_hyperparam = _default_hyperparam

    def _step(self, data, grad, v, lr, momentum):
        v *= momentum
        v -= lr * grad
        data += v


class MomentumSGD(_util.VelocityMethod):
    """Momentum SGD.

    Args:
        lr (float): Learning rate.
        momentum (float): Decay factor of the velocity.
    """

    _rule_class = MomentumSGDRule

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(MomentumSGD, self).__init__(lr, momentum)

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')
