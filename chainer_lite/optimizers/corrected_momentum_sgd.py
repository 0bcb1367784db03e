"""Momentum SGD with momentum correction (learning rate outside the
velocity)."""
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.momentum = 0.9


class CorrectedMomentumSGDRule(_util.VelocityRule):
    """Update rule of corrected momentum SGD:
    ``v = momentum * v - grad; param += lr * v``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        momentum (float): Decay factor of the velocity.
    """

    _default_hyperparam = _default_hyperparam

    def _step(self, data, grad, v, lr, momentum):
        v *= momentum
        v -= grad
        data += lr * v


class CorrectedMomentumSGD(_util.VelocityMethod):
    """Momentum SGD with momentum correction.

    The velocity accumulates raw gradients and the learning rate multiplies
    it at each step (equation (9) of `Accurate, Large Minibatch SGD
    <https://arxiv.org/abs/1706.02677>`_), so changing ``lr`` during training
    needs no correction of the velocity; :class:`MomentumSGD` implements
    equation (10).

    Args:
        lr (float): Learning rate.
        momentum (float): Decay factor of the velocity.
    """

    _rule_class = CorrectedMomentumSGDRule

    def __init__(self, lr=_default_hyperparam.lr,
                 momentum=_default_hyperparam.momentum):
        super(CorrectedMomentumSGD, self).__init__(lr, momentum)

    lr = optimizer.HyperparameterProxy('lr')
    momentum = optimizer.HyperparameterProxy('momentum')
