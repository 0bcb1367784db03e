"""Alex Graves's variant of RMSprop (centered, with momentum)."""
from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 1e-4
_default_hyperparam.alpha = 0.95
_default_hyperparam.momentum = 0.9
_default_hyperparam.eps = 1e-4


class RMSpropGravesRule(optimizer.UpdateRule):
    """Update rule of Graves's RMSprop::

        n = alpha * n + (1 - alpha) * grad ** 2
        g = alpha * g + (1 - alpha) * grad
        delta = momentum * delta - lr * grad / sqrt(n - g ** 2 + eps)
        param += delta

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        alpha (float): Decay factor of the running means of the raw gradient
            and of its square.
        momentum (float): Decay factor of the velocity ``delta``.
        eps (float): Offset that keeps the denominator away from zero.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None,
                 lr=None, alpha=None, momentum=None, eps=None):
        super(RMSpropGravesRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(
            self.hyperparam, lr=lr, alpha=alpha, momentum=momentum, eps=eps)

    def init_state(self, param):
        self.state['n'] = _util.zeros_like_param(param)
        self.state['g'] = _util.zeros_like_param(param)
        self.state['delta'] = _util.zeros_like_param(param)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        hp = self.hyperparam
        n, g, delta = (self.state[k] for k in ('n', 'g', 'delta'))

        work = xp.multiply(grad, grad, out=xp.empty_like(grad))
        work *= 1 - hp.alpha
        n *= hp.alpha
        n += work

        xp.multiply(grad, 1 - hp.alpha, out=work)
        g *= hp.alpha
        g += work

        xp.multiply(g, g, out=work)
        xp.subtract(n, work, out=work)
        work += hp.eps
        xp.sqrt(work, out=work)
        xp.divide(grad, work, out=work)
        work *= hp.lr
        delta *= hp.momentum
        delta -= work

        data = param.array
        data += delta

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class RMSpropGraves(optimizer.GradientMethod):
    """Graves's RMSprop (`arXiv:1308.0850 <https://arxiv.org/abs/1308.0850>`_,
    equations (38)-(45)).

    Args:
        lr (float): Learning rate.
        alpha (float): Decay factor of the running means of the raw gradient
            and of its square.
        momentum (float): Decay factor of the velocity ``delta``.
        eps (float): Offset that keeps the denominator away from zero.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha,
                 momentum=_default_hyperparam.momentum,
                 eps=_default_hyperparam.eps):
        super(RMSpropGraves, self).__init__()
        _util.assign_hyperparams(
            self.hyperparam, lr=lr, alpha=alpha, momentum=momentum, eps=eps)

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    momentum = optimizer.HyperparameterProxy('momentum')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return RMSpropGravesRule(self.hyperparam)
